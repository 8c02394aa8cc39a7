"""Staff approve an answer, reject it, or erase it as personal data."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from ..log_actions import OPEN_INPUT_MODERATE
from ..models import AnswerStatus, InputAnswer
from ..permissions import can_moderate_open_input


class ModerationDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REJECT = "reject", _("Reject")
    REMOVE = "remove", _("Remove as personal data")


STATUS_FOR = {
    ModerationDecision.APPROVE: AnswerStatus.APPROVED,
    ModerationDecision.REJECT: AnswerStatus.REJECTED,
    ModerationDecision.REMOVE: AnswerStatus.REMOVED,
}


@transaction.atomic
def input_answer_moderate(*, answer: InputAnswer, decision: str, user) -> InputAnswer:
    """Record the decision. Removing erases the text and the organisation for good: the answer then
    counts only as removed, and can never be approved again (there is nothing left to approve)."""
    consultation = answer.consultation
    if not can_moderate_open_input(user=user, consultation=consultation):
        raise PermissionDenied
    if decision not in ModerationDecision.values:
        raise ValidationError(_("Unknown decision."), code="decision")
    answer = InputAnswer.objects.select_for_update().get(pk=answer.pk)
    if answer.status == AnswerStatus.REMOVED:
        raise ValidationError(_("This answer has been removed and can no longer be changed."), code="removed")
    answer.status = STATUS_FOR[ModerationDecision(decision)]
    if decision == ModerationDecision.REMOVE:
        answer.text = ""
        answer.organisation_name = ""
    answer.moderated_at = timezone.now()
    answer.moderated_by = user
    answer.save(update_fields=["status", "text", "organisation_name", "moderated_at", "moderated_by"])
    log(
        instance=consultation,
        action=OPEN_INPUT_MODERATE,
        user=user,
        data={"answer": answer.pk, "decision": decision},
    )
    return answer
