"""An attendee's answer: stored without anything that leads back to them, and their link deleted in
the same transaction, so it answers once."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone

from ..choices import COMMENT_MAX_LENGTH, QUESTION_FIELDS, Agreement
from ..models import EvaluationAnswer
from ..selectors import link_for_token
from .errors import EvaluationClosed, LinkInvalid

# Control characters but tab and newlines: PostgreSQL text cannot hold NUL, and none belongs in a comment.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _scale(value) -> int | None:
    # The form has checked these; a service is called from more than a form, so they are checked again.
    if value is None:
        return None
    if value not in Agreement.values:
        raise ValueError(f"not a step of the scale: {value!r}")
    return value


@transaction.atomic
def evaluation_answer(*, consultation_id: int, token: str, answers: dict, comment: str) -> EvaluationAnswer:
    """Raises LinkInvalid (also for a second use: the link is gone) or EvaluationClosed."""
    link = link_for_token(consultation_id=consultation_id, token=token, lock=True)
    if link is None:
        raise LinkInvalid
    if not link.evaluation.is_open(timezone.now()):
        raise EvaluationClosed
    answer = EvaluationAnswer.objects.create(
        evaluation=link.evaluation,
        comment=CONTROL.sub("", comment).strip()[:COMMENT_MAX_LENGTH],
        **{name: _scale(answers.get(name)) for name in QUESTION_FIELDS},
    )
    link.delete()
    return answer
