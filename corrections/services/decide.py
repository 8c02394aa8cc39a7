"""Staff accept or decline a suggestion. Accepting writes the correction into a new revision of the draft,
logged in the page history without naming who suggested it: the minutes attribute nothing."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from minutes.models import MinutesPage
from minutes.participant_text import participant_html

from ..log_actions import CORRECTION_ACCEPT, CORRECTION_DECLINE
from ..models import CorrectionSuggestion, SuggestionStatus
from ..passages import draft_passage_find, is_takeaway_key, passage_replace, takeaway_replace
from ..permissions import can_manage_corrections
from .errors import CorrectionError

NOTE_MAX_LENGTH = 500


def _pending(*, suggestion, user) -> CorrectionSuggestion:
    """The suggestion, locked and checked: still pending, and `user` may edit these minutes."""
    suggestion = (
        CorrectionSuggestion.objects.select_for_update(of=("self",))
        .select_related("round__consultation")
        .get(pk=suggestion.pk)
    )
    if not can_manage_corrections(user=user, consultation=suggestion.round.consultation):
        raise PermissionDenied
    if suggestion.status != SuggestionStatus.PENDING:
        raise CorrectionError(_("This suggestion has already been decided."), code=CorrectionError.DECIDED)
    return suggestion


def _decided(suggestion, *, status, user, note="") -> CorrectionSuggestion:
    suggestion.status = status
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = user
    suggestion.note = note
    suggestion.save(update_fields=["status", "decided_at", "decided_by", "note"])
    return suggestion


@transaction.atomic
def correction_accept(*, suggestion, user) -> CorrectionSuggestion:
    """Writes the suggested text (as inert rich text) over the passage in a new revision of the draft.

    Refused when the passage no longer says what the attendee corrected: their text would undo an edit."""
    suggestion = _pending(suggestion=suggestion, user=user)
    Page.objects.select_for_update().filter(pk=suggestion.round.minutes_id).first()
    minutes = MinutesPage.objects.get(pk=suggestion.round.minutes_id)
    if minutes.live:
        raise CorrectionError(
            _("The minutes are already published: edit them by hand if the correction is still needed."),
            code=CorrectionError.PUBLISHED,
        )
    draft = minutes.get_latest_revision_as_object()
    with translation.override(settings.LANGUAGE_CODE):
        passage = draft_passage_find(draft, suggestion.passage_key)
    if passage is None or passage.text != suggestion.original_text:
        raise CorrectionError(
            _("The passage has changed since the suggestion was made. Edit it by hand in the draft."),
            code=CorrectionError.PASSAGE_CHANGED,
        )
    if is_takeaway_key(passage.key):
        # A takeaway's one record (its row in the draft), read by every list of takeaways, the PDF,
        # the API, the feed and the next consultation's carry-over once the minutes are published.
        takeaway_replace(draft, passage.key, suggestion.text)
    else:
        body = list(draft.body.raw_data)
        draft.body = passage_replace(body, passage.key, participant_html(suggestion.text))
    revision = draft.save_revision(user=user, log_action=True)
    log(
        instance=draft,
        action=CORRECTION_ACCEPT,
        user=user,
        revision=revision,
        data={"passage": passage.label, "old": passage.text, "new": suggestion.text},
    )
    return _decided(suggestion, status=SuggestionStatus.ACCEPTED, user=user)


@transaction.atomic
def correction_decline(*, suggestion, user, note: str = "") -> CorrectionSuggestion:
    """Leaves the draft as it is; the optional note is shown to the attendee who suggested it."""
    suggestion = _pending(suggestion=suggestion, user=user)
    note = " ".join((note or "").split())[:NOTE_MAX_LENGTH]
    minutes = suggestion.round.minutes
    log(instance=minutes, action=CORRECTION_DECLINE, user=user, data={"passage": suggestion.passage_label})
    return _decided(suggestion, status=SuggestionStatus.DECLINED, user=user, note=note)
