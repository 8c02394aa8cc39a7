"""A participant's own page: their consultations (named, or through their organisation), the answer,
and a place for their breakout group."""

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from accounts.selectors import my_consultations
from breakouts.services import breakout_group_create, group_member_add
from invitations.models import Attendee, Invitation, InvitationStatus
from tests.invitations import factories
from tests.utils import html, text_of

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


def test_the_selector_reads_many_consultations_in_three_queries(person, framtid, django_assert_num_queries):
    for number in range(5):
        consultation = factories.consultation(title=f"Sakråd {number}")
        invitation = invite(consultation, framtid, InvitationStatus.ACCEPTED)
        Attendee.objects.create(
            invitation=invitation, consultation=consultation, name="A", email=person.email, user=person
        )
        group = breakout_group_create(consultation=consultation, name="Grupp")
        group_member_add(group=group, user=person)
    with django_assert_num_queries(3):
        entries = my_consultations(user=person)
        assert [entry.consultation.title for entry in entries] and all(entry.attendee for entry in entries)
        assert all([group.name for group in entry.groups] == ["Grupp"] for entry in entries)


def test_a_member_is_led_from_my_page_to_the_groups_notes(client, person, framtid):
    consultation = factories.consultation(title="I dag")
    invitation = invite(consultation, framtid, InvitationStatus.ACCEPTED)
    Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="A", email=person.email, user=person
    )
    breakout_group_create(consultation=consultation, name="Grupp Ett")
    group = breakout_group_create(consultation=consultation, name="Grupp Två")
    group_member_add(group=group, user=person)
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
