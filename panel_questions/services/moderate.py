"""Staff moderate the queue: approve, hide, merge into another question, mark one as being answered
now, then answered. Each is one decision, checked and logged on the consultation."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from wagtail.log_actions import log

from ..broadcast import panel_changed
from ..log_actions import PANEL_QUESTION_MODERATE
from ..models import PanelQuestion, QuestionStatus, QuestionSupport
from ..permissions import can_moderate_panel_questions
from ..selectors import queue_is_open


class Decision(models.TextChoices):
    APPROVE = "approve", gettext_lazy("Approve")
    HIDE = "hide", gettext_lazy("Hide")
    MERGE = "merge", gettext_lazy("Merge")
    ANSWER_NOW = "answer_now", gettext_lazy("Being answered now")
    ANSWERED = "answered", pgettext_lazy("mark a question to the panel as", "Answered")


# From which statuses each decision may be taken.
ALLOWED_FROM = {
    Decision.APPROVE: {QuestionStatus.PENDING, QuestionStatus.HIDDEN},
    Decision.HIDE: {QuestionStatus.PENDING, QuestionStatus.APPROVED, QuestionStatus.ANSWERING},
    Decision.MERGE: {QuestionStatus.PENDING, QuestionStatus.APPROVED, QuestionStatus.HIDDEN},
    Decision.ANSWER_NOW: {QuestionStatus.APPROVED},
    Decision.ANSWERED: {QuestionStatus.ANSWERING, QuestionStatus.APPROVED},
}
MERGE_TARGETS = {QuestionStatus.PENDING, QuestionStatus.APPROVED, QuestionStatus.ANSWERING}


@transaction.atomic
def panel_question_moderate(
    *, question: PanelQuestion, decision: str, user, into: PanelQuestion | None = None
) -> PanelQuestion:
    consultation = question.consultation
    if not can_moderate_panel_questions(user=user, consultation=consultation):
        raise PermissionDenied
    if decision not in Decision.values:
        raise ValidationError(_("Unknown decision."), code="decision")
    # Hiding stays possible after closing (something unfit found late); the rest runs the plenary.
    if decision != Decision.HIDE and not queue_is_open(consultation=consultation):
        raise ValidationError(_("Questions to the panel are closed."), code="closed")
    question = PanelQuestion.objects.select_for_update().get(pk=question.pk)
    if question.status not in ALLOWED_FROM[Decision(decision)]:
        raise ValidationError(_("That cannot be done to this question now."), code="status")
    now = timezone.now()
    data = {"question": question.pk, "decision": decision}
    if decision == Decision.MERGE:
        _merge(question=question, into=into)
        data["into"] = into.pk
    elif decision == Decision.ANSWER_NOW:
        # One at a time: the one answered until now is answered.
        PanelQuestion.objects.filter(consultation=consultation, status=QuestionStatus.ANSWERING).update(
            status=QuestionStatus.ANSWERED, answered_at=now
        )
        question.status = QuestionStatus.ANSWERING
    elif decision == Decision.ANSWERED:
        question.status, question.answered_at = QuestionStatus.ANSWERED, now
    else:
        question.status = QuestionStatus.APPROVED if decision == Decision.APPROVE else QuestionStatus.HIDDEN
    question.moderated_at = now
    question.save(update_fields=["status", "merged_into", "moderated_at", "answered_at"])
    log(instance=consultation, action=PANEL_QUESTION_MODERATE, user=user, data=data)
    panel_changed(consultation_id=consultation.pk)
    return question


def _merge(*, question: PanelQuestion, into: PanelQuestion | None) -> None:
    """The question joins `into`: its supporters, and the person who asked it, support `into`
    (nobody twice, nobody their own question), and questions merged into it before follow it."""
    if into is None or into.pk == question.pk or into.consultation_id != question.consultation_id:
        raise ValidationError(_("Choose another question of this consultation to merge into."), code="into")
    into = PanelQuestion.objects.select_for_update().get(pk=into.pk)
    if into.status not in MERGE_TARGETS:
        raise ValidationError(_("A question can only be merged into one that is still open."), code="into")
    carried = set(QuestionSupport.objects.filter(question=question).values_list("user_id", flat=True))
    if question.asked_by_id:
        carried.add(question.asked_by_id)
    carried.discard(into.asked_by_id)
    carried -= set(QuestionSupport.objects.filter(question=into).values_list("user_id", flat=True))
    QuestionSupport.objects.bulk_create([QuestionSupport(question=into, user_id=uid) for uid in carried])
    QuestionSupport.objects.filter(question=question).delete()
    PanelQuestion.objects.filter(merged_into=question).update(merged_into=into)
    question.status, question.merged_into = QuestionStatus.MERGED, into
