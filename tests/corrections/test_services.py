"""Opening a review, suggesting, accepting and declining (corrections/services)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone, translation
from wagtail.models import PageLogEntry

from corrections.log_actions import CORRECTION_ACCEPT, CORRECTION_ROUND_OPEN
from corrections.models import CorrectionSuggestion, SuggestionStatus
from corrections.passages import draft_passages
from corrections.selectors import review_recipients, rounds_for_attendee
from corrections.services import (
    CorrectionError,
    correction_accept,
    correction_decline,
    correction_round_close,
    correction_round_open,
    correction_suggest,
)
from invitations.models import Attendee
from minutes.models import MinutesPage
from minutes.services.compile import minutes_draft_edited
from tests.corrections.conftest import open_round, review_url
from tests.factories import UserFactory
from tests.minutes.conftest import invite
from tests.minutes.workflow_helpers import publish

pytestmark = pytest.mark.django_db

TAKEAWAY = "Question 1, takeaway 1"


def latest(minutes) -> MinutesPage:
    return MinutesPage.objects.get(pk=minutes.pk).get_latest_revision_as_object()


def body_text(minutes) -> str:
    return str(latest(minutes).body.get_prep_value())


def takeaway_texts(minutes) -> list[str]:
    """The draft's takeaways: their one record (the Takeaway rows in its latest revision)."""
    return [takeaway.text for takeaway in latest(minutes).takeaways.all()]


def suggest(draft, user, text, label=TAKEAWAY):
    return correction_suggest(
        minutes=draft.minutes, user=user, passage_key=draft.passage(label).key, text=text
    )


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):  # passage labels and messages read in English here
        yield


# --- opening a review ------------------------------------------------------------------------


def test_opening_emails_each_attendee_once_with_the_link(
    draft, organiser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        round = open_round(draft, organiser)
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(user.email for user in draft.attendees)  # not the absent, not the declined
    assert all(len(message.to) == 1 for message in mail.outbox)
    with translation.override("sv"):
        swedish = f"http://testserver{review_url(draft.minutes)}"
    for message in mail.outbox:
        assert swedish + "\n" in message.body  # the Swedish link (no prefix)
        assert swedish.replace("/granska/", "/en/granska/") in message.body  # and the English one
        assert "Sakråd om unga och föreningsliv" in message.subject
    entry = PageLogEntry.objects.get(page=draft.minutes, action=CORRECTION_ROUND_OPEN)
    assert entry.data["recipients"] == 2 and round.consultation_id == draft.held.consultation.pk


def test_nothing_is_emailed_when_opening_fails(draft, organiser, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CorrectionError) as error:
        correction_round_open(
            minutes=draft.minutes, deadline=timezone.now() - dt.timedelta(hours=1), user=organiser
        )
    assert error.value.code == CorrectionError.DEADLINE_PAST
    assert mail.outbox == []


def test_one_open_review_at_a_time(review, draft, organiser):
    with pytest.raises(CorrectionError) as error:
        open_round(draft, organiser)
    assert error.value.code == CorrectionError.ALREADY_OPEN
    correction_round_close(round=review, user=organiser)
    open_round(draft, organiser)  # after closing, a new one may open


def test_no_review_on_published_minutes(draft, organiser):
    publish(draft.minutes, organiser)
    with pytest.raises(CorrectionError) as error:
        open_round(draft, organiser)
    assert error.value.code == CorrectionError.PUBLISHED
    assert "already published" in error.value.messages[0]


def test_only_staff_with_rights_open_a_review(draft):
    with pytest.raises(PermissionDenied):
        open_round(draft, draft.attendees[0])


def test_without_a_check_in_the_accepted_attendees_are_asked(draft):
    Attendee.objects.filter(consultation=draft.held.consultation).update(checked_in_at=None)
    emails = {row.email for row in review_recipients(consultation=draft.held.consultation)}
    absent = Attendee.objects.get(invitation__organisation=draft.held.absent[0])
    assert emails == {*(user.email for user in draft.attendees), absent.email}  # never the declined


# --- suggesting ------------------------------------------------------------------------------


def test_an_attendee_suggests_a_pending_correction(review, draft):
    suggestion = suggest(draft, draft.attendees[0], "Fler mötesplatser på kvällar och helger")
    assert suggestion.status == SuggestionStatus.PENDING
    assert suggestion.original_text == "Fler mötesplatser på kvällstid"
    assert suggestion.author == draft.attendees[0]
    with translation.override("sv"):  # named in the site's language, like the minutes
        labels = {p.key: p.label for p in draft_passages(latest(draft.minutes))}
    assert suggestion.passage_label == labels[suggestion.passage_key]


@pytest.mark.parametrize(
    ("make_user", "code"),
    [
        (lambda draft: UserFactory(organisation=draft.held.attended[0]), CorrectionError.NOT_ATTENDEE),
        (lambda draft: UserFactory(), CorrectionError.NOT_ATTENDEE),
    ],
)
def test_someone_who_was_not_there_cannot_suggest(review, draft, make_user, code):
    with pytest.raises(CorrectionError) as error:
        suggest(draft, make_user(draft), "Något annat")
    assert error.value.code == code
    assert not CorrectionSuggestion.objects.exists()


def test_named_but_not_checked_in_is_not_an_attendee(review, draft):
    absent = UserFactory(organisation=draft.held.absent[0])
    invite(draft.held.consultation, draft.held.absent[0], user=absent)  # accepted, never checked in
    with pytest.raises(CorrectionError):
        suggest(draft, absent, "Något annat")


def test_no_suggestions_without_a_review(draft):
    with pytest.raises(CorrectionError) as error:
        suggest(draft, draft.attendees[0], "Något annat")
    assert error.value.code == CorrectionError.NO_ROUND


def test_after_the_deadline_nothing_is_taken(review, draft, freeze_now):
    freeze_now(review.deadline + dt.timedelta(seconds=1))  # the clock at submit time decides
    with pytest.raises(CorrectionError) as error:
        suggest(draft, draft.attendees[0], "Något annat")
    assert error.value.code == CorrectionError.CLOSED
    assert "The review closed on" in error.value.messages[0]
    assert not CorrectionSuggestion.objects.exists()


def test_a_review_closed_early_takes_nothing(review, draft, organiser):
    correction_round_close(round=review, user=organiser)
    with pytest.raises(CorrectionError) as error:
        suggest(draft, draft.attendees[0], "Något annat")
    assert error.value.code == CorrectionError.CLOSED


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", CorrectionError.EMPTY),
        ("   \n  ", CorrectionError.EMPTY),
        ("x" * 1001, CorrectionError.TOO_LONG),
        ("  Fler mötesplatser   på kvällstid ", CorrectionError.UNCHANGED),
    ],
)
def test_bad_text_is_refused_with_a_clear_error(review, draft, text, code):
    with pytest.raises(CorrectionError) as error:
        suggest(draft, draft.attendees[0], text)
    assert error.value.code == code and error.value.messages[0]
    assert not CorrectionSuggestion.objects.exists()


def test_the_longest_short_text_is_taken(review, draft):
    assert suggest(draft, draft.attendees[0], "x" * 1000).text == "x" * 1000


def test_an_unknown_passage_is_refused(review, draft):
    for key in ("", "nope", "p1.points.#99"):
        with pytest.raises(CorrectionError) as error:
            correction_suggest(minutes=draft.minutes, user=draft.attendees[0], passage_key=key, text="Ny")
        assert error.value.code == CorrectionError.UNKNOWN_PASSAGE


def test_published_minutes_take_no_suggestions(review, draft, organiser):
    publish(draft.minutes, organiser)
    minutes = MinutesPage.objects.get(pk=draft.minutes.pk)
    key = draft.passage(TAKEAWAY).key
    with pytest.raises(CorrectionError) as error:
        correction_suggest(minutes=minutes, user=draft.attendees[0], passage_key=key, text="Ny")
    assert error.value.code == CorrectionError.PUBLISHED


# --- deciding --------------------------------------------------------------------------------


def test_accepting_writes_a_new_revision_and_a_history_line(review, draft, organiser):
    suggestion = suggest(draft, draft.attendees[0], "Fler mötesplatser på kvällar och helger")
    assert not minutes_draft_edited(MinutesPage.objects.get(pk=draft.minutes.pk))

    correction_accept(suggestion=suggestion, user=organiser)

    page = MinutesPage.objects.get(pk=draft.minutes.pk)
    assert not page.live
    # The takeaway's one record changed, as the attendee wrote it; the body holds no copy of it.
    assert takeaway_texts(page) == [
        "Fler mötesplatser på kvällar och helger",
        "Enklare ansökningar till staten",
    ]
    assert "kvällstid" not in body_text(page) + " ".join(takeaway_texts(page))
    entry = PageLogEntry.objects.get(page=page, action=CORRECTION_ACCEPT)
    assert entry.revision_id == page.latest_revision_id and entry.user == organiser
    message = entry.formatter.format_message(entry)
    assert message == f"Accepted a correction from an attendee to {suggestion.passage_label}"
    assert draft.attendees[0].first_name not in message and draft.attendees[0].email not in message
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED and suggestion.decided_by == organiser
    # The draft now differs from what was compiled: compiling again asks before replacing it.
    assert minutes_draft_edited(page)


def test_declining_leaves_the_draft_as_it_was(review, draft, organiser):
    before = (body_text(draft.minutes), takeaway_texts(draft.minutes))
    revisions = MinutesPage.objects.get(pk=draft.minutes.pk).revisions.count()
    suggestion = suggest(draft, draft.attendees[0], "Något helt annat")
    correction_decline(suggestion=suggestion, user=organiser, note="Det sades så på mötet")
    assert (body_text(draft.minutes), takeaway_texts(draft.minutes)) == before
    assert MinutesPage.objects.get(pk=draft.minutes.pk).revisions.count() == revisions
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.DECLINED and suggestion.note == "Det sades så på mötet"


def test_a_decided_suggestion_is_not_decided_again(review, draft, organiser):
    suggestion = suggest(draft, draft.attendees[0], "Något helt annat")
    correction_decline(suggestion=suggestion, user=organiser)
    with pytest.raises(CorrectionError) as error:
        correction_accept(suggestion=suggestion, user=organiser)
    assert error.value.code == CorrectionError.DECIDED


def test_accepting_over_a_changed_passage_is_refused(review, draft, organiser):
    first = suggest(draft, draft.attendees[0], "Mötesplatser på kvällar")
    second = suggest(draft, draft.attendees[1], "Mötesplatser på helger")
    correction_accept(suggestion=first, user=organiser)
    with pytest.raises(CorrectionError) as error:
        correction_accept(suggestion=second, user=organiser)
    assert error.value.code == CorrectionError.PASSAGE_CHANGED
    assert "Edit it by hand" in error.value.messages[0]
    assert "Mötesplatser på kvällar" in takeaway_texts(draft.minutes)
    second.refresh_from_db()
    assert second.status == SuggestionStatus.PENDING


def test_a_script_is_stored_as_text_and_accepted_as_inert_rich_text(review, draft, organiser):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)> & så'
    suggestion = suggest(draft, draft.attendees[0], payload)
    assert suggestion.text == payload  # stored as typed, escaped where shown
    correction_accept(suggestion=suggestion, user=organiser)
    assert takeaway_texts(draft.minutes)[0] == payload  # plain text, escaped wherever it is shown
    body = body_text(draft.minutes)
    assert "<script" not in body and "<img" not in body
    shown = draft.passage(TAKEAWAY).html  # as the review page shows it
    assert "<script" not in shown and "&lt;script&gt;" in shown


def test_accepting_a_point_writes_inert_rich_text_into_the_body(review, draft, organiser):
    payload = '<script>alert("x")</script> & så'
    suggestion = suggest(draft, draft.attendees[0], payload, label="Question 1, point 1")
    correction_accept(suggestion=suggestion, user=organiser)
    body = body_text(draft.minutes)
    assert "<script" not in body and "&lt;script&gt;" in body


def test_only_staff_with_rights_decide(review, draft):
    suggestion = suggest(draft, draft.attendees[0], "Något helt annat")
    for user in (draft.attendees[1], UserFactory(is_staff=True)):
        with pytest.raises(PermissionDenied):
            correction_accept(suggestion=suggestion, user=user)
        with pytest.raises(PermissionDenied):
            correction_decline(suggestion=suggestion, user=user)


def test_accepting_on_published_minutes_is_refused(review, draft, organiser):
    suggestion = suggest(draft, draft.attendees[0], "Något helt annat")
    publish(draft.minutes, organiser)
    with pytest.raises(CorrectionError) as error:
        correction_accept(suggestion=suggestion, user=organiser)
    assert error.value.code == CorrectionError.PUBLISHED


# --- the participant's own page --------------------------------------------------------------


def test_rounds_for_attendee_lists_open_reviews_of_their_consultations(review, draft, organiser):
    assert rounds_for_attendee(user=draft.attendees[0]) == [review]
    assert rounds_for_attendee(user=UserFactory(organisation=draft.held.attended[0])) == []
    correction_round_close(round=review, user=organiser)
    assert rounds_for_attendee(user=draft.attendees[0]) == []
