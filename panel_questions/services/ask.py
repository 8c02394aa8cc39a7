"""An attendee sends a question to the panel; it waits for moderation. The rate limit is per person
and lives in the cache (throttle.py); the view asks it, as it is about the request."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..broadcast import panel_changed
from ..models import TEXT_MAX_LENGTH, PanelQuestion
from ..permissions import can_ask_panel
from ..selectors import queue_is_open
from ..text import question_text_clean


@transaction.atomic
def panel_question_ask(*, consultation, text: str, user) -> PanelQuestion:
    if not can_ask_panel(user=user, consultation=consultation):
        raise PermissionDenied
    if not queue_is_open(consultation=consultation):
        raise ValidationError(_("Questions to the panel are closed."), code="closed")
    text = question_text_clean(text)
    if not text:
        raise ValidationError(_("Write your question."), code="empty")
    if len(text) > TEXT_MAX_LENGTH:
        raise ValidationError(
            _("A question can be at most %(max)d characters long. This one has %(count)d.")
            % {"max": TEXT_MAX_LENGTH, "count": len(text)},
            code="too_long",
        )
    question = PanelQuestion.objects.create(consultation=consultation, text=text, asked_by=user)
    panel_changed(consultation_id=consultation.pk)  # the moderators' count of waiting questions
    return question
