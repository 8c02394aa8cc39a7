"""Anyone sends answers while input is open. Rate limits and the honeypot are the view's business
(they are about the request); this only stores what was written, and nothing about who wrote it."""

from __future__ import annotations

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import ANSWER_MAX_LENGTH, AgeBand, InputAnswer
from ..selectors import open_input_period_for, open_input_state, published_questions


@transaction.atomic
def input_answers_submit(
    *, consultation, answers: dict[int | None, str], organisation_name: str, age_band: str
) -> list[InputAnswer]:
    """One pending answer per non-empty text; None is the general question. Raises ValidationError
    when input is not open (its period is over, or the minutes are published), no answer has text, a
    question is not published, or a value is invalid."""
    period = open_input_period_for(consultation=consultation)
    if period is None or not open_input_state(period=period).is_open:
        raise ValidationError(_("Open input is closed for this consultation."), code="closed")
    texts = {number: text.strip() for number, text in answers.items() if text and text.strip()}
    if not texts:
        raise ValidationError(_("Write an answer to at least one question."), code="empty")
    published = {question.number for question in published_questions(consultation=consultation)}
    if any(number is not None and number not in published for number in texts):
        raise ValidationError(_("That question is not asked in this consultation."), code="question")
    if any(len(text) > ANSWER_MAX_LENGTH for text in texts.values()):
        raise ValidationError(_("An answer is too long."), code="too_long")
    if age_band and age_band not in AgeBand.values:
        raise ValidationError(_("Choose one of the age bands."), code="age_band")
    submission = uuid.uuid4()
    rows = [
        InputAnswer(
            consultation=consultation,
            submission=submission,
            question_number=number,
            text=text,
            organisation_name=organisation_name.strip()[:200],
            age_band=age_band,
        )
        for number, text in texts.items()
    ]
    return InputAnswer.objects.bulk_create(rows)
