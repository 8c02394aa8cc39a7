"""Staff answer in writing a question the panel did not reach. Everyone who asked it (and who asked
a question merged into it) is told by e-mail, once, through the outbox, in the same transaction."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from minutes.models import MinutesPage
from outbox.services import mail_queue

from ..log_actions import PANEL_QUESTION_ANSWER
from ..mail import PURPOSE, answered_message
from ..models import ANSWER_MAX_LENGTH, PanelQuestion, QuestionStatus
from ..permissions import can_moderate_panel_questions
from ..text import answer_text_clean

ANSWERABLE = (QuestionStatus.FOLLOW_UP, QuestionStatus.ANSWERED)


@transaction.atomic
def panel_question_answer_publish(
    *, question: PanelQuestion, answer: str, date: dt.date, user
) -> PanelQuestion:
    """Publish (or correct) the written answer; returns the question. Askers are mailed the first
    time only: the outbox's key is per question and person."""
    consultation = question.consultation
    if not can_moderate_panel_questions(user=user, consultation=consultation):
        raise PermissionDenied
    question = PanelQuestion.objects.select_for_update().get(pk=question.pk)
    if question.status not in ANSWERABLE or (
        question.status == QuestionStatus.ANSWERED and not question.answer
    ):
        raise ValidationError(
            _("Only a question the panel did not reach is answered in writing."), code="status"
        )
    answer = answer_text_clean(answer)
    if not answer:
        raise ValidationError(_("Write the answer."), code="empty")
    if len(answer) > ANSWER_MAX_LENGTH:
        raise ValidationError(
            _("An answer can be at most %(max)d characters long.") % {"max": ANSWER_MAX_LENGTH},
            code="too_long",
        )
    question.answer, question.answer_date = answer, date
    question.status, question.answered_at = QuestionStatus.ANSWERED, timezone.now()
    question.save(update_fields=["answer", "answer_date", "status", "answered_at"])
    people = _askers(question=question)
    minutes = MinutesPage.objects.child_of(consultation).live().public().first()
    for person in people:
        mail_queue(
            message=answered_message(
                question=question,
                consultation=consultation,
                person=person,
                minutes_url=minutes.full_url if minutes else "",
            ),
            purpose=PURPOSE,
            key=f"{PURPOSE}:{question.pk}:{person.pk}",
            consultation=consultation,
        )
    log(
        instance=consultation,
        action=PANEL_QUESTION_ANSWER,
        user=user,
        data={"question": question.pk, "recipients": len(people)},
    )
    return question


def _askers(*, question: PanelQuestion) -> list:
    """Whoever asked it or a question merged into it, with an account still active; once each."""
    rows = [question, *PanelQuestion.objects.filter(merged_into=question).select_related("asked_by")]
    people = {row.asked_by.pk: row.asked_by for row in rows if row.asked_by and row.asked_by.is_active}
    return [people[pk] for pk in sorted(people)]
