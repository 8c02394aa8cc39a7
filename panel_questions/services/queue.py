"""Staff open a consultation's questions to the panel, and close them: one action each. Closing
turns the approved questions the panel did not reach into follow-ups on the minutes."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..broadcast import panel_changed
from ..log_actions import PANEL_QUEUE_CLOSE, PANEL_QUEUE_OPEN
from ..models import PanelQuestion, QuestionQueue, QuestionStatus
from ..permissions import can_moderate_panel_questions


@transaction.atomic
def panel_queue_open(*, consultation, user) -> QuestionQueue:
    """Open (or open again): follow-ups not yet answered in writing go back to the room's list."""
    if not can_moderate_panel_questions(user=user, consultation=consultation):
        raise PermissionDenied
    queue, created = QuestionQueue.objects.select_for_update().get_or_create(consultation=consultation)
    if created or queue.closed_at is not None:
        queue.opened_at, queue.closed_at = timezone.now(), None
        queue.save(update_fields=["opened_at", "closed_at"])
        PanelQuestion.objects.filter(
            consultation=consultation, status=QuestionStatus.FOLLOW_UP, answer=""
        ).update(status=QuestionStatus.APPROVED)
        log(instance=consultation, action=PANEL_QUEUE_OPEN, user=user, data={})
        panel_changed(consultation_id=consultation.pk)
    return queue


@transaction.atomic
def panel_queue_close(*, consultation, user) -> int:
    """Close; returns how many questions became follow-ups. The one being answered counts as answered."""
    if not can_moderate_panel_questions(user=user, consultation=consultation):
        raise PermissionDenied
    queue = QuestionQueue.objects.select_for_update().filter(consultation=consultation).first()
    if queue is None or queue.closed_at is not None:
        return 0
    now = timezone.now()
    queue.closed_at = now
    queue.save(update_fields=["closed_at"])
    questions = PanelQuestion.objects.filter(consultation=consultation)
    questions.filter(status=QuestionStatus.ANSWERING).update(status=QuestionStatus.ANSWERED, answered_at=now)
    follow_ups = questions.filter(status=QuestionStatus.APPROVED).update(status=QuestionStatus.FOLLOW_UP)
    log(instance=consultation, action=PANEL_QUEUE_CLOSE, user=user, data={"follow_ups": follow_ups})
    panel_changed(consultation_id=consultation.pk)
    return follow_ups
