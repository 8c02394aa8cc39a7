"""Staff blank out a name or a contact detail in an answer, or its organisation, and keep the rest:
the gentler step before removing a whole answer as personal data."""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import OPEN_INPUT_MODERATE
from ..models import AnswerStatus, InputAnswer
from ..permissions import can_moderate_open_input

# What stands where the words were: no language of its own, so the minutes read the same in both.
REDACTED = "[…]"
PHRASE_MAX_LENGTH = 200


@transaction.atomic
def input_answer_redact(
    *, answer: InputAnswer, phrase: str = "", organisation: bool = False, user
) -> InputAnswer:
    """Replace every occurrence of `phrase` in the text (any case) and, with `organisation`, erase the
    organisation's name. The status stays: an approved answer stays approved, now without the words."""
    consultation = answer.consultation
    if not can_moderate_open_input(user=user, consultation=consultation):
        raise PermissionDenied
    phrase = " ".join((phrase or "").split())
    if not phrase and not organisation:
        raise ValidationError(
            _(
                "Nothing was changed: write the name or contact detail to blank out, "
                "or tick the organisation."
            ),
            code="empty",
        )
    if len(phrase) > PHRASE_MAX_LENGTH:
        raise ValidationError(
            _("Nothing was changed: blank out at most %(max)s characters at a time.")
            % {"max": PHRASE_MAX_LENGTH},
            code="long",
        )
    answer = InputAnswer.objects.select_for_update().get(pk=answer.pk)
    if answer.status == AnswerStatus.REMOVED:
        raise ValidationError(_("This answer has been removed and can no longer be changed."), code="removed")
    if phrase:
        # Any run of spaces in the answer matches one space in the phrase, as it was typed.
        pattern = re.compile(r"\s+".join(re.escape(word) for word in phrase.split(" ")), re.IGNORECASE)
        text, found = pattern.subn(REDACTED, answer.text)
        if not found:
            raise ValidationError(
                _("Nothing was changed: the answer does not contain “%(phrase)s”.") % {"phrase": phrase},
                code="not_found",
            )
        answer.text = text
    if organisation:
        answer.organisation_name = ""
    answer.moderated_at = timezone.now()
    answer.moderated_by = user
    answer.save(update_fields=["text", "organisation_name", "moderated_at", "moderated_by"])
    log(
        instance=consultation,
        action=OPEN_INPUT_MODERATE,
        user=user,
        data={"answer": answer.pk, "decision": "redact"},
    )
    return answer
