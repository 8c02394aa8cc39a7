"""The organiser's whole day, in Chromium, in Swedish, as the organiser (issue 16), never the superuser.

Olle, of the Organisers group, creates a consultation from scratch in the Wagtail admin and publishes
it, builds the invitation list (taking off one organisation added by mistake) and sends. The
organisations answer from their links (through the services here: their side has a journey of its
own): one declines with a comment, one is put on the waiting list. Olle follows the answers, makes
room for one more and promotes the waiting organisation, removes an attendee who cancelled, checks
people in on his phone on the day, deals the groups, opens note-taking, looks in on a group and the
plenary wall, closes note-taking, compiles the minutes, opens them to corrections and submits them
for approval.

Screenshots of each step, at desktop and phone width: test-results/journeys/organiser/.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from consultations.models import ConsultationPage
from invitations.models import Attendee, Invitation, InvitationStatus
from invitations.services import AttendeeData, rsvp_accept, rsvp_decline
from minutes.models import MinutesPage
from minutes.services.workflow import minutes_workflow_ensure
from organisations.models import Organisation
from staff_roles.groups import ORGANISERS
from staff_roles.services import staff_group
from tests.browser.a11y_fixtures import log_in
from tests.browser.journeys.album import Album
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.walk import click_in_footer_menu, held_today, success_message, sv, wait_until

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"width": 390, "height": 844}
TIMEOUT = 15_000  # ms: a ceiling for slow machines, never a measure
TITLE = "Sakråd om idrottens roll för unga"
QUESTION = "Hur når idrotten unga som inte redan är med i en förening?"
DECLINE_COMMENT = "Vi har årsmöte samma dag, men skicka gärna minnesanteckningarna."
TOKEN = re.compile(r"/osa/([A-Za-z0-9_-]{43})/")
ORGANISATIONS = {  # name -> contact address
    "Föreningen Alfa": "kansli@alfa.example.org",
    "Stiftelsen Beta": "kansli@beta.example.org",
    "Förbundet Gamma": "kansli@gamma.example.org",
    "Nätverket Delta": "kansli@delta.example.org",
    "Fel förening": "kansli@fel.example.org",
}


def people(*names: str) -> list[AttendeeData]:
    return [AttendeeData(name=name, email=f"{name.split()[0].lower()}@example.org") for name in names]


def token_for(address: str) -> str:
    [message] = [message for message in mail.outbox if address in message.to and TOKEN.search(message.body)]
    return TOKEN.search(message.body).group(1)


def count(tab, key: str) -> str:
    return tab.locator(f".inv-counts [data-count='{key}']").inner_text().strip()


def no_sideways_scroll(tab) -> bool:
    return tab.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def open_from_page_menu(tab, consultation, path: str) -> None:
    """Opens one of the consultation's screens from the ⋯ menu of its page in the admin."""
    tab.goto(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    tab.locator("#w-slim-header-buttons .w-dropdown__toggle").first.click()
    tab.locator(f'a[href="{path}"]').first.click()
    tab.wait_for_url(f"**{path}")


@pytest.fixture
def organiser(world):
    # The world's organiser is in the Organisers group the staff_roles migration makes; after a
    # transactional flush the group is made again, with exactly its role's permissions.
    user = world.user("organiser")
    user.groups.add(staff_group(ORGANISERS))
    return user


def test_an_organisers_day_from_a_new_consultation_to_minutes_submitted(
    world, organiser, browser, asgi_live_server, settings
):
    base = asgi_live_server.url
    settings.WAGTAILADMIN_BASE_URL = base
    minutes_workflow_ensure()
    for name, address in ORGANISATIONS.items():
        Organisation.objects.create(name=name, kind="association", contact_emails=address)
    album = Album("organiser")
    context = browser.new_context(base_url=base, locale="sv-SE")
    log_in(context, organiser, base)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT)
    tab.js_errors = []
    tab.on("pageerror", lambda error: tab.js_errors.append(str(error)))

    # 1. Olle creates the consultation from scratch under the consultations index, and publishes it.
    #    It is tomorrow, for three people at most, two per organisation; answers until 08:00.
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    tab.goto(reverse("wagtailadmin_pages:add_subpage", args=[world.index.pk]))
    tab.wait_for_selector("#id_title")
    tab.fill("#id_title", TITLE)
    tab.fill("#id_ministry", "Kulturdepartementet")
    tab.fill("#id_unit", "Enheten för civila samhället")
    for field, value in (
        ("#id_date", tomorrow.isoformat()),
        ("#id_start_time", "09:00"),
        ("#id_end_time", "12:00"),
        ("#id_rsvp_deadline", f"{tomorrow.isoformat()} 08:00"),
    ):
        tab.fill(field, value)
        tab.keyboard.press("Escape")  # the date picker, opened by typing, would cover the next field
    tab.fill("#id_venue_name", "Rosenbad")
    tab.fill("#id_venue_address", "Rosenbad 4, 103 33 Stockholm")
    tab.fill("#id_introduction", "Ett sakråd om hur idrotten kan nå fler unga.")
    tab.fill("#id_capacity", "3")
    tab.fill("#id_seats_per_organisation", "2")
    tab.locator("#id_questions-ADD").click()
    tab.fill("#id_questions-0-number", "1")
    tab.fill("#id_questions-0-text", QUESTION)
    album.take(tab, "new-consultation-filled-in")
    click_in_footer_menu(tab, "button[name=action-publish]")
    tab.wait_for_url("**/admin/pages/*/")
    consultation = ConsultationPage.objects.get(title=TITLE)
    assert consultation.live, tab.locator(".messages").inner_text()
    assert consultation.slug == "sakrad-om-idrottens-roll-for-unga"  # å/ö folded, as the demo's slugs
    assert [question.text for question in consultation.questions.all()] == [QUESTION]
    assert (consultation.date, consultation.capacity) == (tomorrow, 3)
    album.take(tab, "consultation-published")

    # 2. The invitation list: from the page's ⋯ menu, filter, tick all five, add them; one is there by
    #    mistake and comes off again before anything is sent.
    index_path = reverse("invitations_admin:index", args=[consultation.pk])
    open_from_page_menu(tab, consultation, index_path)
    tab.locator("main").get_by_role("link", name=sv("Add organisations")).first.click()
    tab.select_option("#id_kind", "association")
    tab.locator(".inv-filters button[type=submit]").click()
    tab.wait_for_load_state()
    show, reuse = tab.locator(".inv-filters__buttons"), tab.locator("#id_reuse")
    if reuse.count():  # the buttons never sit on top of the reuse menu (issue 16)
        below, above = show.bounding_box(), reuse.bounding_box()
        assert below["y"] >= above["y"] + above["height"]
    for name in ORGANISATIONS:
        tab.locator(".inv-pick label", has_text=name).click()
    album.take(tab, "list-builder")
    tab.locator(".inv-pick ~ .inv-actions button:not([name])").click()
    tab.wait_for_url(f"**{index_path}")
    assert count(tab, "invited") == "5" and count(tab, "not_sent") == "5"
    wrong = Invitation.objects.get(consultation=consultation, organisation__name="Fel förening")
    tab.locator(f"a[href$='?invitation={wrong.pk}']").click()
    assert "Fel förening" in tab.locator("main").inner_text()
    album.take(tab, "remove-asks-first")
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_url(f"**{index_path}")
    assert not Invitation.objects.filter(pk=wrong.pk).exists()
    assert count(tab, "invited") == "4"

    # 3. Olle sends the four invitations; the progress page shows them going out.
    mail.outbox.clear()
    send = tab.locator(f"form[action='{reverse('invitations_admin:send', args=[consultation.pk])}'] button")
    assert "4" in send.inner_text()
    send.click()
    tab.wait_for_url("**/sends/**")
    wait_until(
        lambda: all(any(a in m.to for m in mail.outbox) for a in list(ORGANISATIONS.values())[:4]),
        "the invitations are mailed",
    )
    album.take(tab, "sending-progress")

    # 4. The organisations answer from their links: Alfa two people, Delta one (the room is full),
    #    Beta declines with a comment, Gamma's one person goes on the waiting list.
    rsvp_accept(token=token_for(ORGANISATIONS["Föreningen Alfa"]), attendees=people("Anna Alm", "Axel Alm"))
    rsvp_accept(token=token_for(ORGANISATIONS["Nätverket Delta"]), attendees=people("Dora Dahl"))
    rsvp_decline(token=token_for(ORGANISATIONS["Stiftelsen Beta"]), comment=DECLINE_COMMENT)
    waiting = rsvp_accept(token=token_for(ORGANISATIONS["Förbundet Gamma"]), attendees=people("Gustav Gran"))
    assert waiting.invitation.status == InvitationStatus.WAITLISTED

    # 5. The overview: counts that add up, the decline's comment, and nothing left to send.
    tab.goto(index_path)
    assert (count(tab, "invited"), count(tab, "sent"), count(tab, "no_answer")) == ("4", "4", "0")
    assert (count(tab, "answered"), count(tab, "accepted")) == ("4", "2")
    assert (count(tab, "waitlisted"), count(tab, "declined")) == ("1", "1")
    assert DECLINE_COMMENT in tab.locator("[data-decline-comment]").inner_text()
    assert tab.locator("#actions-heading + .inv-actions button").count() == 0
    album.take(tab, "answers-followed")

    # 6. The room takes one more: Olle raises the capacity on the page, then promotes Gamma.
    tab.goto(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    tab.fill("#id_capacity", "4")
    click_in_footer_menu(tab, "button[name=action-publish]")
    tab.wait_for_url("**/admin/pages/*/")
    wait_until(lambda: ConsultationPage.objects.get(pk=consultation.pk).capacity == 4, "the capacity is 4")
    tab.goto(index_path)
    tab.locator(f"a[href*='/promote/?invitation={waiting.invitation.pk}']").click()
    album.take(tab, "promote-asks-first")
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_url(f"**{index_path}")
    assert Invitation.objects.get(pk=waiting.invitation.pk).status == InvitationStatus.ACCEPTED
    assert count(tab, "waitlisted") == "0" and count(tab, "accepted") == "3"

    # 7. Axel cancels by phone: Olle removes him, which frees his seat.
    axel = Attendee.objects.get(consultation=consultation, name="Axel Alm")
    tab.locator(f"a[href$='?attendee={axel.pk}']").click()
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_url(f"**{index_path}")
    assert not Attendee.objects.filter(pk=axel.pk).exists()
    assert "Axel Alm" not in tab.locator(".inv-table").inner_text()
    album.take(tab, "attendee-removed")

    # 8. The day comes (the consultation is moved to today, ended a minute ago, so that it can be
    #    compiled at the end): Olle checks people in at the door on his phone.
    date, start, end = held_today()
    page = ConsultationPage.objects.get(pk=consultation.pk)
    page.date, page.start_time, page.end_time = date, start, end
    page.rsvp_deadline = None
    page.save_revision(user=organiser).publish()
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    tab.set_viewport_size(PHONE)
    open_from_page_menu(tab, consultation, index_path)
    check_in_path = reverse("invitations_admin:check_in", args=[consultation.pk])
    tab.locator(f".inv-nav a[href='{check_in_path}']").click()
    tab.wait_for_url(f"**{check_in_path}")
    for name in ("Anna Alm", "Dora Dahl", "Gustav Gran"):
        person = tab.locator(".inv-person", has_text=name)
        person.locator("button").click()
        tab.wait_for_load_state()
        tab.locator(".inv-person", has_text=name).locator("button[aria-pressed=true]").wait_for()
    assert Attendee.objects.filter(consultation=consultation, checked_in_at__isnull=False).count() == 3
    button = tab.locator(".inv-toggle").first
    box = button.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]  # the "checked in" label stays on the screen
    assert no_sideways_scroll(tab)
    album.take(tab, "check-in-on-the-phone")
    tab.set_viewport_size({"width": 1280, "height": 900})

    # 9. The groups: Olle deals those checked in into two groups, and opens note-taking.
    groups_path = reverse("breakouts_admin:groups", args=[consultation.pk])
    open_from_page_menu(tab, consultation, groups_path)
    tab.fill("input[name=n_groups]", "2")
    tab.select_option("select[name=source]", "checked_in")
    tab.click("button[name=action][value=assign]")
    tab.wait_for_url(f"**{groups_path}")
    assert success_message(tab) == sv("The attendees have been assigned to groups.")
    album.take(tab, "groups-dealt")
    tab.click("button[name=action][value=open]")
    tab.wait_for_url(f"**{groups_path}")
    assert success_message(tab) == sv("Note-taking is open.")

    # 10. He looks in on the first group's notes, then on the plenary wall.
    plenary_path = reverse("breakouts:plenary", args=[consultation.pk])
    tab.locator(f"main a[href^='/grupper/']:not([href='{plenary_path}'])").first.click()
    tab.wait_for_selector("[data-notes-status][data-state='connected']")
    album.take(tab, "group-notes")
    tab.goto(groups_path)
    tab.locator(f"main a[href='{plenary_path}']").first.click()
    tab.wait_for_url(f"**{plenary_path}")
    assert consultation.title in tab.locator("body").inner_text() + tab.title()
    assert no_sideways_scroll(tab)
    album.take(tab, "plenary-wall")

    # 11. Olle closes note-taking (the box asks first).
    tab.goto(groups_path)
    tab.check("input[name=confirm]")
    tab.click("button[name=action][value=close]")
    tab.wait_for_url(f"**{groups_path}")
    assert success_message(tab) == sv("Note-taking is closed; the notes are stored for the minutes.")
    album.take(tab, "notes-closed")

    # 12. He compiles the minutes draft from the page's menu.
    compile_path = reverse("minutes_admin:compile", args=[consultation.pk])
    open_from_page_menu(tab, consultation, compile_path)
    album.take(tab, "compile")
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_url("**/admin/pages/*/edit/")
    minutes = MinutesPage.objects.child_of(consultation).get()
    assert not minutes.live
    album.take(tab, "minutes-draft")

    # 13. He opens the draft to corrections by the attendees, for a week.
    corrections_path = reverse("corrections_admin:index", args=[minutes.pk])
    tab.goto(corrections_path)
    deadline = timezone.localtime() + dt.timedelta(days=7)
    tab.fill("input[name=deadline]", deadline.strftime("%Y-%m-%d %H:%M"))
    tab.keyboard.press("Escape")
    tab.locator(f"form[action='{reverse('corrections_admin:open', args=[minutes.pk])}'] button").click()
    tab.wait_for_url(f"**{corrections_path}")
    assert success_message(tab) == sv(
        "The review is open. Each attendee has been emailed a link to the draft."
    )
    album.take(tab, "corrections-open")

    # 14. And submits the minutes for approval.
    tab.goto(reverse("wagtailadmin_pages:edit", args=[minutes.pk]))
    click_in_footer_menu(tab, "button[name=action-submit]")
    tab.wait_for_load_state()
    tab.locator(".messages .success").first.wait_for()
    assert (
        WorkflowState.objects.for_instance(minutes).filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()
    )
    assert not MinutesPage.objects.get(pk=minutes.pk).live  # only the approver publishes
    album.take(tab, "submitted-for-approval")
    assert tab.js_errors == []
    context.close()
