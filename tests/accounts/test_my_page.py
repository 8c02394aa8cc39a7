"""A participant's own page: their consultations (named, or through their organisation), the answer,
and a place for their breakout group."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from breakouts.services import breakout_group_create, group_member_add
from corrections.models import CorrectionRound
from invitations.models import Attendee, Invitation, InvitationStatus
from invitations.my_page import my_consultations
from minutes.models import MinutesPage
from tests.factories import MinutesPageFactory
from tests.invitations import factories
from tests.utils import html, text_of, url_in

pytestmark = pytest.mark.django_db

MY_PAGE = "/mina-sidor/"


def invite(consultation, organisation, status, **fields):
    return Invitation.objects.create(
        consultation=consultation, organisation=organisation, status=status, **fields
    )


@pytest.fixture
def framtid():
    return factories.organisation(name="Föreningen Framtid")


@pytest.fixture
def person(framtid):
    return User.objects.create_user(email="anna@example.org", password=None, organisation=framtid)


def test_the_page_lives_at_mina_sidor():
    assert reverse("accounts:my_page") == MY_PAGE
    with translation.override("en"):
        assert reverse("accounts:my_page") == "/en/mina-sidor/"


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(MY_PAGE)
    assert response.status_code == 302
    assert (
        response["Location"].startswith(reverse("account_login"))
        and "next=/mina-sidor/" in response["Location"]
    )


def test_a_named_attendee_sees_the_consultation_answer_and_group_placeholder(client, person, framtid):
    consultation = factories.consultation(title="Unga och trygghet")
    invitation = invite(consultation, framtid, InvitationStatus.ACCEPTED, answered_at=timezone.now())
    Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="Anna", email=person.email, user=person
    )
    client.force_login(person)
    response = client.get("/en/mina-sidor/")
    assert "no-store" in response["Cache-Control"]
    page = html(response)
    entry = page.select_one(".my-consultation")
    assert entry.find("a")["href"].endswith(f"/{consultation.slug}/")
    assert "Unga och trygghet" in text_of(entry)
    assert entry.select_one("[data-status]")["data-status"] == "accepted"
    assert "You are registered to attend." in text_of(entry)
    assert "You have not been placed in a group yet" in text_of(entry)


def test_the_organisations_invitations_show_even_when_not_named(client, person, framtid):
    waiting = factories.consultation(title="Svar saknas")
    invite(waiting, framtid, InvitationStatus.SENT, sent_at=timezone.now())
    draft_list = factories.consultation(title="Inte skickad")
    invite(draft_list, framtid, InvitationStatus.NOT_SENT)  # the organisers' draft: not shown
    elsewhere = factories.consultation(title="Annan organisation")
    invite(elsewhere, factories.organisation(name="Stiftelsen Stöd"), InvitationStatus.ACCEPTED)
    client.force_login(person)
    page = html(client.get("/en/mina-sidor/"))
    titles = [text_of(node) for node in page.select(".my-consultation h3")]
    assert titles == ["Svar saknas"]
    assert "has not answered yet" in text_of(page.select_one(".my-consultation"))
    assert "placed in a group" not in text_of(page.select_one(".my-consultation"))


def test_an_account_linked_from_another_organisation_still_sees_where_it_is_named(client, framtid):
    other = factories.organisation(name="Förbundet Annat")
    person = User.objects.create_user(email="bo@example.org", password=None, organisation=other)
    consultation = factories.consultation(title="Namngiven")
    invitation = invite(consultation, framtid, InvitationStatus.WAITLISTED, waitlisted_at=timezone.now())
    Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="Bo", email=person.email, user=person
    )
    [entry] = my_consultations(user=person)
    assert entry.consultation == consultation and entry.attendee is not None
    client.force_login(person)
    assert "waiting list" in text_of(html(client.get("/en/mina-sidor/")).select_one(".my-consultation"))


def test_nothing_yet(client):
    person = User.objects.create_user(email="ny@example.org", password=None)
    client.force_login(person)
    page = html(client.get("/en/mina-sidor/"))
    assert not page.select(".my-consultation") and "not registered for any consultation" in text_of(page)


def held_or_coming(days_ahead: int, **fields):
    """A consultation `days_ahead` from today (negative: held), its answers due ten days before."""
    deadline_in = dt.timedelta(days=days_ahead - 10)
    return factories.consultation(days_ahead=days_ahead, deadline_in=deadline_in, **fields)


def _named_in_a_group(person, organisation, *, days_ahead, minutes=False, review=False):
    """A consultation `person` is named for, placed in a group; held ones may have published minutes
    or draft minutes open to corrections."""
    consultation = held_or_coming(days_ahead)
    invitation = invite(consultation, organisation, InvitationStatus.ACCEPTED)
    Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="A", email=person.email, user=person
    )
    group_member_add(group=breakout_group_create(consultation=consultation, name="Grupp"), person=person)
    if minutes:
        MinutesPageFactory(parent=consultation)
    if review:
        draft = MinutesPageFactory(parent=consultation, publish=False)
        CorrectionRound.objects.create(
            minutes=draft, consultation=consultation, deadline=timezone.now() + dt.timedelta(days=7)
        )
    return consultation


# Page view restrictions (to link only public minutes), invitations, the person's attendee rows,
# group memberships, the published minutes, open reviews of draft minutes: none of it per consultation.
MY_PAGE_QUERIES = 6


@pytest.mark.parametrize("each", [1, 4])
def test_the_selector_reads_any_number_of_consultations_in_a_fixed_number_of_queries(
    person, framtid, django_assert_num_queries, each
):
    for _ in range(each):
        _named_in_a_group(person, framtid, days_ahead=30)
        _named_in_a_group(person, framtid, days_ahead=-30, minutes=True)
        _named_in_a_group(person, framtid, days_ahead=-20, review=True)
    with django_assert_num_queries(MY_PAGE_QUERIES):
        mine = my_consultations(user=person)
        assert len(mine.upcoming) == each and len(mine.past) == 2 * each
        assert all(entry.attendee for entry in mine)
        assert all([group.name for group in entry.groups] == ["Grupp"] for entry in mine)
        assert sum(1 for entry in mine.past if entry.minutes) == each
        assert sum(1 for entry in mine.past if entry.correction_round) == each
        assert len(mine.correction_rounds) == each


def test_a_member_is_led_from_my_page_to_the_groups_notes(client, person, framtid):
    consultation = factories.consultation(title="I dag")
    invitation = invite(consultation, framtid, InvitationStatus.ACCEPTED)
    Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="A", email=person.email, user=person
    )
    breakout_group_create(consultation=consultation, name="Grupp Ett")
    group = breakout_group_create(consultation=consultation, name="Grupp Två")
    group_member_add(group=group, person=person)
    client.force_login(person)
    page = html(client.get("/mina-sidor/"))
    links = [(a.get_text(strip=True), a["href"]) for a in page.select(".my-consultation a")]
    assert ("Grupp Två", f"/grupper/{group.pk}/") in links
    assert not any(name == "Grupp Ett" for name, _ in links)
    assert client.get(f"/grupper/{group.pk}/").status_code == 200


def test_the_drafts_to_review_and_the_minutes_to_check_are_linked_for_those_asked_only(world):
    """"participant" reviews the draft in its working group and attended the held consultation whose
    draft minutes are open to corrections; "group_member", of the same organisation, is asked nothing."""
    page = html(world.client_for("participant").get(MY_PAGE))
    links = {link.get("href") for link in page.select("main a")}
    assert reverse("working_groups:draft", args=[world.draft.pk]) in links
    assert reverse("corrections:review", args=[world.draft_minutes.pk]) in links

    other = html(world.client_for("group_member").get(MY_PAGE))
    other_links = {link.get("href") for link in other.select("main a")}
    assert not {link for link in other_links if link.startswith(("/arbetsgrupp/", "/granska/"))}


# --- Sections, words and links --------------------------------------------------------------------


def entry_for(page, consultation):
    return page.select_one(f'.my-consultation[data-consultation="{consultation.pk}"]')


def section_titles(page, section: str) -> list[str]:
    headings = page.select(f'[data-section="{section}"] .my-consultation h3')
    return [text_of(node.find("a") or node) for node in headings]


def test_today_and_coming_come_first_soonest_first_then_the_past_most_recent_first(client, person, framtid):
    later = factories.consultation(title="Om en månad", days_ahead=30)
    today = factories.consultation(title="I dag", days_ahead=0, deadline_in=dt.timedelta(hours=-1))
    soon = factories.consultation(title="Om en vecka", days_ahead=7, deadline_in=dt.timedelta(days=5))
    long_ago = held_or_coming(-365, title="För ett år sedan")
    last_month = held_or_coming(-30, title="Förra månaden")
    for consultation in (later, today, soon, long_ago, last_month):
        invite(consultation, framtid, InvitationStatus.ACCEPTED)
    client.force_login(person)
    page = html(client.get("/en/mina-sidor/"))
    headings = [text_of(node) for node in page.select("main h2")]
    assert headings.index("Today and coming consultations") < headings.index("Past consultations")
    assert section_titles(page, "upcoming") == ["I dag", "Om en vecka", "Om en månad"]
    assert section_titles(page, "past") == ["Förra månaden", "För ett år sedan"]
    assert text_of(entry_for(page, today).select_one(".badge--today")) == "Today"
    assert not entry_for(page, soon).select(".badge--today")


@pytest.mark.parametrize(
    ("status", "english", "swedish"),
    [
        (InvitationStatus.SENT, "No answer yet", "Inget svar än"),
        (InvitationStatus.ACCEPTED, "Accepted", "Tackat ja"),
        (InvitationStatus.DECLINED, "Declined", "Tackat nej"),
        (InvitationStatus.WAITLISTED, "On the waiting list", "På väntelistan"),
    ],
)
def test_the_organisations_answer_is_said_in_words(client, person, framtid, status, english, swedish):
    """"Sent" is the organisers' word for an invitation on its way: on my page it read like an answer."""
    consultation = factories.consultation(title="Kommande")
    invite(consultation, framtid, status)
    client.force_login(person)
    for path, words in (("/en/mina-sidor/", english), ("/mina-sidor/", swedish)):
        answer = entry_for(html(client.get(path)), consultation).select_one("[data-status]")
        assert answer["data-status"] == status and text_of(answer) == words
    assert "Skickad" not in text_of(html(client.get("/mina-sidor/")).find("main"))


def test_a_coming_consultation_links_to_the_persons_group(client, person, framtid):
    consultation = _named_in_a_group(person, framtid, days_ahead=7)
    group = consultation.breakout_groups.get()
    client.force_login(person)
    entry = entry_for(html(client.get("/en/mina-sidor/")), consultation)
    assert entry.find_parent(attrs={"data-section": "upcoming"}) is not None
    assert "You are registered to attend." in text_of(entry)
    [link] = entry.select(".my-consultation__groups a")
    assert link.get_text(strip=True) == "Grupp" and link["href"] == f"/en/grupper/{group.pk}/"


def test_a_past_consultation_links_to_its_published_minutes(client, person, framtid):
    consultation = _named_in_a_group(person, framtid, days_ahead=-30, minutes=True)
    minutes = MinutesPage.objects.child_of(consultation).get()
    client.force_login(person)
    entry = entry_for(html(client.get("/en/mina-sidor/")), consultation)
    assert entry.find_parent(attrs={"data-section": "past"}) is not None
    link = entry.select_one(".my-consultation__minutes a")
    assert link["href"] == minutes.url and text_of(link).startswith("Read the minutes")
    assert "You were registered to attend." in text_of(entry)


def test_a_past_consultation_under_review_links_to_the_draft_and_says_until_when(client, person, framtid):
    consultation = _named_in_a_group(person, framtid, days_ahead=-20, review=True)
    draft = MinutesPage.objects.child_of(consultation).get()
    client.force_login(person)
    entry = entry_for(html(client.get("/en/mina-sidor/")), consultation)
    link = entry.select_one(".my-consultation__minutes a")
    assert link["href"] == reverse("corrections:review", args=[draft.pk])
    assert "suggest corrections until" in text_of(entry.select_one(".my-consultation__minutes"))


def test_a_past_consultation_without_minutes_says_they_are_not_published_yet(client, person, framtid):
    consultation = _named_in_a_group(person, framtid, days_ahead=-2)
    unpublished = MinutesPageFactory(parent=consultation, publish=False)  # a draft nobody was asked to check
    client.force_login(person)
    entry = entry_for(html(client.get("/en/mina-sidor/")), consultation)
    assert "The minutes have not been published yet." in text_of(entry)
    assert unpublished.url not in {link["href"] for link in entry.select("a")}


def test_the_past_never_asks_anyone_to_go_and_take_part(client, person, framtid):
    """Afterwards: what the organisation took part in, with its minutes; not what it was merely
    invited to, and never "ask the person who answered … if you want to take part"."""
    took_part = factories.consultation(title="Deltog", days_ahead=-30, deadline_in=dt.timedelta(days=-40))
    invite(took_part, framtid, InvitationStatus.ACCEPTED)
    MinutesPageFactory(parent=took_part)
    for title, status in (("Aldrig svar", InvitationStatus.SENT), ("Tackade nej", InvitationStatus.DECLINED),
                          ("Väntelista", InvitationStatus.WAITLISTED)):
        held = factories.consultation(title=title, days_ahead=-60, deadline_in=dt.timedelta(days=-70))
        invite(held, framtid, status)
    client.force_login(person)
    page = html(client.get("/en/mina-sidor/"))
    assert section_titles(page, "past") == ["Deltog"]
    entry = entry_for(page, took_part)
    assert "Your organisation took part." in text_of(entry)
    assert entry.select_one(".my-consultation__minutes a")
    assert "Ask the person who answered" not in text_of(page)
    assert "You have no coming consultations." in text_of(page)


def test_a_past_consultation_the_person_was_named_for_stays_whatever_the_answer(client, person, framtid):
    held = factories.consultation(title="Väntade", days_ahead=-30, deadline_in=dt.timedelta(days=-40))
    invitation = invite(held, framtid, InvitationStatus.WAITLISTED, waitlisted_at=timezone.now())
    Attendee.objects.create(
        invitation=invitation, consultation=held, name="A", email=person.email, user=person
    )
    client.force_login(person)
    entry = entry_for(html(client.get("/en/mina-sidor/")), held)
    assert "Your organisation was on the waiting list." in text_of(entry)
    assert not entry.select(".my-consultation__groups")  # no group is coming afterwards


def test_the_world_participant_sees_the_held_consultation_with_its_minutes_and_no_ask(world):
    """The quality gates' world: "participant"'s organisation took part in the consultation held 60
    days ago (minutes published) without naming them, and "participant" was at the one held ten days
    ago, whose draft minutes are open to corrections."""
    page = html(world.client_for("participant").get("/en/mina-sidor/"))
    held = entry_for(page, world.consultation)
    assert held.select_one(".my-consultation__minutes a")["href"] == url_in(world.minutes, "en")
    assert "Ask the person who answered" not in text_of(page)
    reviewed = entry_for(page, world.held_consultation)
    assert reviewed.select_one(".my-consultation__minutes a")["href"] == reverse(
        "corrections:review", args=[world.draft_minutes.pk]
    )
