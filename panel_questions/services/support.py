"""An attendee supports an approved question, or takes the support back: one per person and question."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from ..broadcast import panel_changed
from ..models import PanelQuestion, QuestionStatus, QuestionSupport
from ..permissions import can_ask_panel
from ..selectors import queue_is_open

SUPPORTABLE = (QuestionStatus.APPROVED, QuestionStatus.ANSWERING)


@transaction.atomic
def panel_question_support_toggle(*, question: PanelQuestion, user) -> bool:
    """Returns whether the person supports the question now. Refuses a question the room cannot
    see (waiting, hidden, merged), one's own, and a closed queue."""
    consultation = question.consultation
    if not can_ask_panel(user=user, consultation=consultation):
        raise PermissionDenied
    if not queue_is_open(consultation=consultation):
        raise ValidationError(_("Questions to the panel are closed."), code="closed")
    question = PanelQuestion.objects.select_for_update().get(pk=question.pk)
    if question.status not in SUPPORTABLE:
        raise ValidationError(_("This question cannot be supported."), code="status")
    if question.asked_by_id == user.pk:
        raise ValidationError(_("You asked this question yourself."), code="own")
    removed, _rows = QuestionSupport.objects.filter(question=question, user=user).delete()
    if not removed:
        try:
            with transaction.atomic():
                QuestionSupport.objects.create(question=question, user=user)
        except IntegrityError:  # the same person's other tap got there first
            pass
    panel_changed(consultation_id=consultation.pk)
    return not removed
