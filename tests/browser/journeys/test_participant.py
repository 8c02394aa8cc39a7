"""The participant's whole day, in Chromium, in Swedish, as the participant (issue 16).

Ada is her organisation's contact person, on her phone. She gets the invitation e-mail, answers from
its link naming herself, follows the login e-mail and logs in with the code she is mailed, lands on
*Mina sidor*, finds her breakout group from the header on the day, and writes a point in the live
notes while Bo, in her group, sees it arrive. Afterwards she suggests a correction to the draft
minutes from the review page, and once they are published she finds them from *Mina sidor*.

What staff do in between (sending, dealing the groups, opening and closing the notes, compiling,
opening the review, accepting the correction, submitting and approving) goes through the services,
as the organiser and the approver of the world: their screens have journeys of their own.

The links Ada follows are the ones in the e-mails, whole: the configured base URL is the live
server's, so a link on another host would lead nowhere. Screenshots of each step, at desktop and
phone width: test-results/journeys/participant/ (tests/browser/journeys/album.py).
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import WorkflowState

from accounts.models import User
from breakouts.models import GroupMembership
from breakouts.services import note_taking_close, note_taking_open
from breakouts.services.assignment import groups_assign
from consultations.models import ConsultationPage, DiscussionQuestion
from corrections.models import CorrectionSuggestion
from corrections.services import correction_accept, correction_round_open
from invitations.models import Attendee, Invitation, InvitationStatus
from invitations.services.create import invitation_create_many
from invitations.services.sending import invitation_send_start
from minutes.models import MinutesPage
from minutes.services.compile import minutes_compile
from minutes.services.workflow import minutes_workflow_ensure
from organisations.models import Organisation
from tests.browser.a11y_fixtures import log_in
from tests.browser.journeys.album import Album
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.walk import held_today, sv, wait_until

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
TIMEOUT = 15_000  # ms: a ceiling for slow machines, never a measure
CONNECTED = "[data-notes-status][data-state='connected']"
ADA = "ada@framtid.example.org"
TITLE = "Sakråd om ungas fritid"
# Long enough to wrap over many lines at phone width: the whole point must show (issue 16).
POINT = (
    "Fritidsgårdarna behöver vara öppna på helgerna, med vuxna som finns kvar över tid, "
    "och föreningarna behöver fleråriga bidrag i stället för projektpengar som tar slut. "
    "Unga som inte är organiserade nås genom skolan och idrotten, inte genom remisser."
)
CORRECTION = "Fritidsgårdarna behöver vara öppna på kvällar och helger <b>året runt</b>."
CODE = re.compile(r"^\s*([A-Z0-9]{3,}-?[A-Z0-9]{3,})\s*$", re.MULTILINE)


def link_in(message, base: str, path_pattern: str) -> str:
    """The whole link in an e-mail's text whose path matches; it must be on the configured base URL."""
    found = re.search(re.escape(base) + path_pattern, message.body)
    assert found, f"no {path_pattern} link on {base} in:\n{message.body}"
    return found.group(0)


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def whole_text_shows(tab, selector: str) -> bool:
    """The field shows all its text: no inner scrolling."""
    return tab.locator(selector).evaluate("node => node.scrollHeight <= node.clientHeight + 1")


@pytest.fixture
def day(world):
    """A consultation held today (it ended a minute ago, so that it can be compiled: the notes are
    what makes the day here), with one discussion question and answers taken for another hour.
    Bo, of another organisation, is already registered."""
    date, start, end = held_today()
    consultation = ConsultationPage(
        title=TITLE,
        slug="ungas-fritid",
        ministry="Kulturdepartementet",
        date=date,
        start_time=start,
        end_time=end,
        venue_name="Rosenbad",
        venue_address="Rosenbad 4, Stockholm",
        seats_per_organisation=2,
        # Answers are taken for another hour, but never past the day (a deadline must be on or before it).
        rsvp_deadline=min(
            timezone.now() + dt.timedelta(hours=1),
            timezone.make_aware(dt.datetime.combine(date, dt.time(23, 59))),
        ),
    )
    world.index.add_child(instance=consultation)
    consultation.save_revision().publish()
    consultation = ConsultationPage.objects.get(pk=consultation.pk)
    DiscussionQuestion.objects.create(
        page=consultation, number=1, text="Vad behöver unga på fritiden?", sort_order=0
    )
    organisation = Organisation.objects.create(
        name="Föreningen Fritid", kind="association", contact_emails=ADA
    )
    bo = User.objects.create_user(
        email="bo@stod.example.org", password=None, first_name="Bo", organisation=world.other_organisation
    )
    invitation = Invitation.objects.create(
        consultation=consultation,
        organisation=world.other_organisation,
        status=InvitationStatus.ACCEPTED,
        answered_at=timezone.now(),
    )
    Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="Bo", email=bo.email, user=bo
    )
    minutes_workflow_ensure()
    return {"consultation": consultation, "organisation": organisation, "bo": bo}


def test_a_participants_day_from_invitation_to_published_minutes(
    world, day, browser, asgi_live_server, settings
):
    base = asgi_live_server.url
    settings.WAGTAILADMIN_BASE_URL = base  # where the e-mails' links lead
    consultation = day["consultation"]
    organiser, approver = world.user("organiser"), world.user("approver")
    album = Album("participant")
    context = browser.new_context(base_url=base, locale="sv-SE", **PHONE)
    ada = context.new_page()
    ada.set_default_timeout(TIMEOUT)
    ada.js_errors = []
    ada.on("pageerror", lambda error: ada.js_errors.append(str(error)))

    # 1. The organiser sends the invitation; Ada, her organisation's contact, answers from its link.
    mail.outbox.clear()
    invitation_create_many(consultation=consultation, organisations=[day["organisation"]], user=organiser)
    invitation_send_start(consultation=consultation, user=organiser)
    wait_until(lambda: mails_to(ADA), "the invitation is mailed")
    [invitation_mail] = mails_to(ADA)
    ada.goto(link_in(invitation_mail, base, r"/osa/[A-Za-z0-9_-]{43}/"))
    assert TITLE in ada.locator("main").inner_text()
    album.take(ada, "invitation")
    ada.fill('input[name="attendees-0-name"]', "Ada Lind")
    ada.fill('input[name="attendees-0-email"]', ADA)
    ada.locator('form:has(input[name="answer"][value="accept"]) button[type=submit]').click()
    ada.wait_for_load_state()
    wait_until(
        lambda: (
            Invitation.objects.get(consultation=consultation, organisation=day["organisation"]).status
            == InvitationStatus.ACCEPTED
        ),
        "the answer is saved",
    )
    album.take(ada, "answered")

    # 2. She follows the login e-mail and logs in with the code she is mailed: she lands on her page.
    wait_until(lambda: any("/accounts/login/code/" in m.body for m in mails_to(ADA)), "the login e-mail")
    login_mail = next(m for m in mails_to(ADA) if "/accounts/login/code/" in m.body)
    ada.goto(link_in(login_mail, base, r"/accounts/login/code/"))
    ada.fill('input[name="email"]', ADA)
    ada.locator("main form button[type=submit]").first.click()
    ada.wait_for_selector('input[name="code"]')
    code_mail = mails_to(ADA)[-1]
    assert code_mail is not login_mail and "127.0.0.1" not in code_mail.subject
    album.take(ada, "code-asked")
    ada.fill('input[name="code"]', CODE.search(code_mail.body).group(1))
    ada.locator("main form button[type=submit]").first.click()
    ada.wait_for_url("**/mina-sidor/")
    entry = ada.locator(f'.my-consultation[data-consultation="{consultation.pk}"]')
    assert sv("You are registered to attend.") in entry.inner_text()
    assert entry.locator("[data-status]").inner_text() == sv("Accepted")
    assert sv("You have not been placed in a group yet.") in entry.inner_text()
    album.take(ada, "my-page-registered")

    # 3. On the day: the organiser deals the groups and opens the notes; Ada finds her group from the
    #    header of any page, and so does Bo, who is in it too.
    [group] = groups_assign(consultation=consultation, n_groups=1, user=organiser)
    assert set(GroupMembership.objects.filter(group=group).values_list("user__email", flat=True)) == {
        ADA,
        day["bo"].email,
    }
    note_taking_open(consultation=consultation, user=organiser)
    ada.goto(consultation.url)
    ada.locator("header").get_by_role("link", name=sv("My page")).click()
    ada.wait_for_url("**/mina-sidor/")
    album.take(ada, "my-page-with-group")
    entry.locator(".my-consultation__groups").get_by_role("link", name=group.name).click()
    ada.wait_for_url(f"**{group.url}")
    ada.wait_for_selector(CONNECTED)
    assert group.name in ada.locator("h1").inner_text()
    bo_context = browser.new_context(base_url=base, locale="sv-SE", **PHONE)
    log_in(bo_context, day["bo"], base)
    bo = bo_context.new_page()
    bo.set_default_timeout(TIMEOUT)
    bo.js_errors = []
    bo.on("pageerror", lambda error: bo.js_errors.append(str(error)))
    bo.goto(group.url)
    bo.wait_for_selector(CONNECTED)
    album.take(ada, "group-notes")

    # 4. Ada writes a point, whole on her phone, and ticks it as a takeaway; Bo sees both.
    ada.click("[data-question='1'] [data-add-point]")
    ada.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'TEXTAREA'")
    ada.keyboard.insert_text(POINT)
    ada.check("[data-question='1'] li:nth-child(1) input[type=checkbox]")
    field = "[data-question='1'] li:nth-child(1) textarea"
    bo.wait_for_function(
        "([selector, text]) => document.querySelector(selector)?.value === text", arg=[field, POINT]
    )
    bo.wait_for_function(
        "() => document.querySelector(\"[data-question='1'] li:nth-child(1) input[type=checkbox]\").checked"
    )
    assert whole_text_shows(ada, field) and whole_text_shows(bo, field)
    assert ada.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    album.take(ada, "point-written")
    album.take(bo, "point-seen-by-another")
    assert bo.js_errors == []

    # 5. After the day: the organiser closes the notes, compiles the draft and opens it to corrections.
    note_taking_close(consultation=consultation, user=organiser)
    draft = minutes_compile(consultation=consultation, user=organiser)
    correction_round = correction_round_open(
        minutes=draft, deadline=timezone.now() + dt.timedelta(days=7), user=organiser
    )
    bo_context.close()

    # 6. Ada finds the draft from her page and suggests a correction of her point.
    ada.locator("header").get_by_role("link", name=sv("My page")).click()
    ada.wait_for_url("**/mina-sidor/")
    entry.get_by_role("link", name=sv("Check the draft minutes")).click()
    ada.wait_for_url(f"**/granska/{draft.pk}/")
    passage = ada.locator(".correction-passage", has_text=POINT).first
    album.take(ada, "draft-to-check")
    passage.locator("summary").click()
    # The correction starts as her whole point, all of it in view on her phone.
    assert passage.locator("textarea").input_value() == POINT
    assert passage.locator("textarea").evaluate("node => node.scrollHeight <= node.clientHeight + 1")
    passage.locator("textarea").fill(CORRECTION)
    passage.locator("button[type=submit]").click()
    ada.wait_for_load_state()
    assert ada.locator(".messages .message--success").first.inner_text().strip() == sv(
        "Thank you! Your correction has been sent to the organisers."
    )
    mine = ada.locator(".correction-list")
    assert CORRECTION in mine.inner_text()  # her markup is shown as she typed it, never as markup
    assert mine.locator("b").count() == 0
    album.take(ada, "correction-sent")

    # 7. The organiser accepts it and submits the minutes; the approver approves, which publishes them.
    [suggestion] = CorrectionSuggestion.objects.filter(round=correction_round)
    correction_accept(suggestion=suggestion, user=organiser)
    draft = MinutesPage.objects.get(pk=draft.pk)
    state = minutes_workflow_ensure().start(draft, organiser)
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, approver, "approve")
    wait_until(lambda: MinutesPage.objects.get(pk=draft.pk).live, "the minutes are published")
    assert not WorkflowState.objects.active().filter(object_id=str(draft.pk)).exists()
    minutes = MinutesPage.objects.get(pk=draft.pk)

    # 8. Ada finds the published minutes from her page, with her correction in them.
    ada.goto("/")
    ada.locator("header").get_by_role("link", name=sv("My page")).click()
    ada.wait_for_url("**/mina-sidor/")
    assert sv("Check the draft minutes") not in entry.inner_text()
    album.take(ada, "my-page-minutes-published")
    entry.get_by_role("link", name=sv("Read the minutes")).click()
    ada.wait_for_url(f"**{minutes.url}")
    text = ada.locator("main").inner_text()
    assert minutes.title in text and CORRECTION in text
    assert ada.locator("main b", has_text="året runt").count() == 0  # her text, never markup
    for name in ("Ada", "Bo ", ADA, group.name):
        assert name not in text, f"{name!r} is named in the published minutes"
    assert ada.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    album.take(ada, "published-minutes")
    assert ada.js_errors == []
    context.close()
