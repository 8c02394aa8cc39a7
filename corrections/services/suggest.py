"""An attendee suggests a correction to one passage of the draft, while the review is open."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ..models import SUGGESTION_MAX_LENGTH, CorrectionSuggestion
from ..passages import draft_passage_find
from ..permissions import is_attendee
from ..selectors import round_latest
from .errors import CorrectionError, when

# Generous for one person checking one draft; stops a script from filling the staff's screen.
MAX_SUGGESTIONS_PER_ATTENDEE = 100


def suggestion_text_clean(text: str) -> str:
    """The text as stored: plain, line breaks kept, no surrounding blank space; refused if empty or long."""
    text = (text or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise CorrectionError(_("Write the passage as it should read."), code=CorrectionError.EMPTY)
    if len(text) > SUGGESTION_MAX_LENGTH:
        raise CorrectionError(
            _("Keep the correction to %(limit)s characters (it has %(length)s).")
            % {"limit": SUGGESTION_MAX_LENGTH, "length": len(text)},
            code=CorrectionError.TOO_LONG,
        )
    return text


def _check_can_suggest(*, minutes, user, round, now) -> None:
    if round is None:
        raise CorrectionError(_("The draft is not open for review."), code=CorrectionError.NO_ROUND)
    if not is_attendee(user=user, consultation_id=round.consultation_id):
        raise CorrectionError(
            _("Only those who attended the consultation can suggest corrections."),
            code=CorrectionError.NOT_ATTENDEE,
        )
    if minutes.live:
        raise CorrectionError(
            _("The minutes are already published, so no more corrections are taken."),
            code=CorrectionError.PUBLISHED,
        )
    if not round.is_open(now):
        raise CorrectionError(
            _("The review closed on %(date)s, so no more corrections are taken.")
            % {"date": when(round.closes_at)},
            code=CorrectionError.CLOSED,
        )


@transaction.atomic
def correction_suggest(*, minutes, user, passage_key: str, text: str) -> CorrectionSuggestion:
    """Stores a pending suggestion for the passage, as the attendee saw it in the latest draft."""
    # Checked when the suggestion arrives, not when the page was loaded: the deadline is exact.
    now = timezone.now()
    round = round_latest(minutes_id=minutes.pk)
    _check_can_suggest(minutes=minutes, user=user, round=round, now=now)
    text = suggestion_text_clean(text)
    draft = minutes.get_latest_revision_as_object()
    # Stored in the site's language, like the minutes themselves.
    with translation.override(settings.LANGUAGE_CODE):
        passage = draft_passage_find(draft, passage_key or "")
    if passage is None:
        raise CorrectionError(
            _("That passage is no longer in the draft. Reload the page and try again."),
            code=CorrectionError.UNKNOWN_PASSAGE,
        )
    if " ".join(text.split()) == " ".join(passage.text.split()):
        raise CorrectionError(
            _("The correction is the same as the text in the draft. Change the text, then send it."),
            code=CorrectionError.UNCHANGED,
        )
    if CorrectionSuggestion.objects.filter(round=round, author=user).count() >= MAX_SUGGESTIONS_PER_ATTENDEE:
        raise CorrectionError(
            _("You have sent as many corrections as one person can. Email the organisers instead."),
            code=CorrectionError.TOO_MANY,
        )
    return CorrectionSuggestion.objects.create(
        round=round,
        passage_key=passage.key,
        passage_label=passage.label,
        original_text=passage.text,
        text=text,
        author=user,
        created_at=now,
    )
