"""Co-creation in Chromium, as the people involved would walk it (issue 7, "Done when"):

1. a working-group member comments on a question of a draft consultation; the organiser sees the
   comment beside the question on the working group's admin screen and resolves it;
2. an anonymous visitor answers a question through open input (no account) with an age band; the
   organiser approves the answer in the moderation queue, compiles the minutes, and the answer is in
   the draft's open-input section without the sender's organisation;
3. the organiser opens a correction round on the draft minutes; the attendee follows the emailed link,
   suggests a correction to a takeaway; the organiser accepts it, the draft changes and the page
   history says so.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from breakouts.models import NotePoint
from breakouts.services import breakout_group_create, note_taking_close, note_taking_open
from consultations.models import ConsultationPage, DiscussionQuestion
from corrections.models import CorrectionSuggestion, SuggestionStatus
from invitations.models import Attendee, Invitation, InvitationStatus
from minutes.models import MinutesPage
from open_input.models import InputAnswer, OpenInputPeriod
from tests.browser.walk import held_today, success_message, sv, wait_until
from tests.world import PASSWORD
from working_groups.models import QuestionComment
from working_groups.services import working_group_member_add

pytest_plugins = [
    "tests.world", "tests.browser.a11y_fixtures", "tests.browser.asgi_server", "tests.browser.walk"
]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators"),
]

COMMENT = "Frågan bör nämna unga som inte är med i någon förening."
ANSWER = "Vi behöver <b>mötesplatser</b> på kvällarna."
ORGANISATION = "Fritidsgården Norr"
TAKEAWAY = "Föreningarna vill ha fleråriga bidrag"
CORRECTION = "Föreningarna vill ha fleråriga och förutsägbara bidrag"


def consultation_page(index, *, title: str, slug: str, date, start, end, live: bool) -> ConsultationPage:
    page = ConsultationPage(
        title=title, slug=slug, ministry="Kulturdepartementet", date=date, start_time=start, end_time=end,
        venue_address="Drottninggatan 1, Stockholm", live=live,
    )
    page.questions = [DiscussionQuestion(number=1, text="Hur når vi unga utanför föreningslivet?")]
    index.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return ConsultationPage.objects.get(pk=page.pk)


@pytest.fixture
def held(world):
    """Held today, live, taking open input, notes closed with one takeaway, one checked-in attendee."""
    date, start, end = held_today()
    page = consultation_page(world.index, title="Ungas mötesplatser", slug="ungas-motesplatser", date=date,
                             start=start, end=end, live=True)
    now = timezone.now()
    OpenInputPeriod.objects.create(consultation=page, opens_at=now - dt.timedelta(days=7),
                                   closes_at=now + dt.timedelta(days=7))
    group = breakout_group_create(consultation=page, name="Grupp 1")
    note_taking_open(consultation=page)
    note_taking_close(consultation=page)
    NotePoint.objects.create(group=group, question_number=1, text=TAKEAWAY, takeaway=True, order=0)
    invitation = Invitation.objects.create(
        consultation=page, organisation=world.organisation, status=InvitationStatus.ACCEPTED
    )
    attendee = User.objects.create_user(email="ada@framtid.example.org", password=PASSWORD, first_name="Ada",
                                        last_name="Ek", organisation=world.organisation)
    Attendee.objects.create(invitation=invitation, consultation=page, name="Ada Ek", email=attendee.email,
                            user=attendee, checked_in_at=now)
    page.attendee = attendee
    return page


def test_comment_resolve_open_input_into_minutes_and_an_accepted_correction(world, held, tabs):
    organiser = world.user("organiser")
    admin = tabs(organiser)

    # 1. The working group: a member comments on the draft's question, the organiser resolves it.
    start, end = dt.time(9, 0), dt.time(12, 0)
    draft = consultation_page(world.index, title="Sakråd om fritid", slug="fritid", live=False,
                              date=timezone.localdate() + dt.timedelta(days=60), start=start, end=end)
    member = User.objects.create_user(email="wera@stod.example.org", password=PASSWORD, first_name="Wera",
                                      last_name="Lind", organisation=world.other_organisation)
    working_group_member_add(consultation=draft, email=member.email, user=organiser)
    reviewer = tabs(member)
    reviewer.goto(reverse("working_groups:draft", args=[draft.pk]))
    question = reviewer.locator("#question-1")
    assert "Hur når vi unga utanför föreningslivet?" in question.inner_text()
    question.locator("textarea").fill(COMMENT)
    question.locator("button[type=submit]").click()
    reviewer.wait_for_load_state()
    assert COMMENT in reviewer.locator("#question-1").inner_text()
    comment = QuestionComment.objects.get(consultation=draft)
    assert comment.text == COMMENT and comment.author == member

    admin.goto(reverse("working_groups_admin:index", args=[draft.pk]))
    assert COMMENT in admin.inner_text("main")
    admin.locator(f"form[action='{reverse('working_groups_admin:resolve', args=[comment.pk])}'] "
                  "button[type=submit]").click()
    admin.wait_for_load_state()
    wait_until(lambda: QuestionComment.objects.get(pk=comment.pk).resolved_at is not None, "resolved")

    # 2. Open input: anyone answers, the organiser approves, the answer reaches the compiled minutes.
    visitor = tabs()
    visitor.goto(reverse("open_input:form", args=[held.pk]))
    visitor.fill("textarea[name=question_1]", ANSWER)
    visitor.fill("input[name=organisation_name]", ORGANISATION)
    visitor.check("input[name=age_band][value='16_19']")
    visitor.locator("form.open-input-form button[type=submit]").click()
    visitor.wait_for_url(f"**{reverse('open_input:thanks', args=[held.pk])}")
    answer = InputAnswer.objects.get(consultation=held)
    assert answer.text == ANSWER and answer.status == "pending"

    admin.goto(reverse("open_input_admin:index", args=[held.pk]))
    assert ANSWER in admin.inner_text("main")  # shown as text, not as markup
    admin.locator("button[name=decision][value=approve]").first.click()
    admin.wait_for_load_state()
    wait_until(lambda: InputAnswer.objects.get(pk=answer.pk).status == "approved", "approved")

    admin.goto(reverse("minutes_admin:compile", args=[held.pk]))
    admin.locator("main form button[type=submit]").click()
    admin.wait_for_url("**/admin/pages/*/edit/")
    minutes = MinutesPage.objects.child_of(held).get()
    body = str(minutes.get_latest_revision_as_object().body.raw_data)
    assert "mötesplatser" in body and "&lt;b&gt;" in body and "<b>" not in body
    assert ORGANISATION not in body

    # 3. Corrections: the round opens, the attendee follows the email's link and suggests, it is accepted.
    mail.outbox.clear()
    admin.goto(reverse("corrections_admin:index", args=[minutes.pk]))
    deadline = timezone.localtime() + dt.timedelta(days=7)
    admin.fill("input[name=deadline]", deadline.strftime("%Y-%m-%dT%H:%M"))
    admin.locator(f"form[action='{reverse('corrections_admin:open', args=[minutes.pk])}'] "
                  "button[type=submit]").click()
    admin.wait_for_load_state()
    wait_until(lambda: len(mail.outbox) == 1, "the attendee is emailed")
    assert mail.outbox[0].to == [held.attendee.email]
    review_path = reverse("corrections:review", args=[minutes.pk])
    assert re.search(re.escape(review_path), mail.outbox[0].body)

    attendee = tabs(held.attendee)
    attendee.goto(review_path)
    passage = attendee.locator(".correction-passage", has_text=TAKEAWAY).first
    passage.locator("summary").click()
    passage.locator("textarea").fill(CORRECTION)
    passage.locator("button[type=submit]").click()
    attendee.wait_for_load_state()
    suggestion = CorrectionSuggestion.objects.get(round__minutes=minutes)
    assert suggestion.text == CORRECTION and suggestion.status == SuggestionStatus.PENDING

    admin.goto(reverse("corrections_admin:index", args=[minutes.pk]))
    assert CORRECTION in admin.inner_text("main")
    admin.locator("button[name=decision][value=accept]").first.click()
    admin.wait_for_load_state()
    assert success_message(admin)
    wait_until(lambda: CorrectionSuggestion.objects.get(pk=suggestion.pk).status == SuggestionStatus.ACCEPTED,
               "accepted")
    minutes.refresh_from_db()
    assert not minutes.live
    # A takeaway is one record (its row in the draft), which the body's question records show.
    draft = minutes.get_latest_revision_as_object()
    assert CORRECTION in [takeaway.text for takeaway in draft.takeaways.all()]
    assert TAKEAWAY not in [takeaway.text for takeaway in draft.takeaways.all()]
    admin.goto(reverse("wagtailadmin_pages:history", args=[minutes.pk]))
    history = admin.inner_text("main")
    assert sv("Accepted a correction from an attendee to %(passage)s").split("%")[0] in history
    assert "Ada" not in history  # the minutes' history never names who suggested
    for tab in (admin, reviewer, visitor, attendee):
        assert tab.js_errors == []
