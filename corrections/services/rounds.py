"""Opening (and closing early) a review window on a minutes draft; opening emails every attendee."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from minutes.models import MinutesPage
from outbox.services import mails_queue

from ..log_actions import CORRECTION_ROUND_CLOSE, CORRECTION_ROUND_OPEN
from ..mail import review_invitation_message
from ..models import CorrectionRound
from ..permissions import can_manage_corrections
from ..selectors import review_recipients, round_latest
from .errors import CorrectionError, when


@transaction.atomic
def correction_round_open(*, minutes, deadline, user) -> CorrectionRound:
    """Opens a review of the draft until `deadline` and emails each attendee a link, once it commits."""
    # One opening at a time per minutes decides whether a round is already open.
    Page.objects.select_for_update().filter(pk=minutes.pk).first()
    minutes = MinutesPage.objects.get(pk=minutes.pk)
    consultation = minutes.get_parent().specific
    if not can_manage_corrections(user=user, consultation=consultation):
        raise PermissionDenied
    if minutes.live:
        raise CorrectionError(
            _("The minutes are already published: a review is only for a draft. Edit the minutes by hand."),
            code=CorrectionError.PUBLISHED,
        )
    now = timezone.now()
    if deadline <= now:
        raise CorrectionError(_("Choose a deadline in the future."), code=CorrectionError.DEADLINE_PAST)
    current = round_latest(minutes_id=minutes.pk)
    if current is not None and current.is_open(now):
        raise CorrectionError(
            _("A review is already open until %(deadline)s.") % {"deadline": when(current.closes_at)},
            code=CorrectionError.ALREADY_OPEN,
        )
    attendees = review_recipients(consultation=consultation)
    if not attendees:
        raise CorrectionError(
            _("Nobody with an account is recorded as attending the consultation, so there is no one to ask."),
            code=CorrectionError.NO_ATTENDEES,
        )
    round = CorrectionRound.objects.create(
        minutes=minutes, consultation=consultation, opened_at=now, deadline=deadline, opened_by=user
    )
    messages = [review_invitation_message(round=round, attendee=attendee) for attendee in attendees]
    log(
        instance=minutes,
        action=CORRECTION_ROUND_OPEN,
        user=user,
        data={"round": round.pk, "deadline": deadline.isoformat(), "recipients": len(messages)},
    )
    mails_queue(
        messages=messages,
        purpose="review-invitation",
        key=f"review-invitation:{round.pk}",
        consultation=consultation,
    )
    return round


@transaction.atomic
def correction_round_close(*, round: CorrectionRound, user) -> CorrectionRound:
    """Stops taking suggestions now, before the deadline; suggestions already sent stay to be decided."""
    round = CorrectionRound.objects.select_for_update().select_related("consultation").get(pk=round.pk)
    if not can_manage_corrections(user=user, consultation=round.consultation):
        raise PermissionDenied
    now = timezone.now()
    if not round.is_open(now):
        raise CorrectionError(_("The review is already closed."), code=CorrectionError.CLOSED)
    round.closed_early_at = now
    round.save(update_fields=["closed_early_at"])
    minutes = round.minutes
    log(instance=minutes, action=CORRECTION_ROUND_CLOSE, user=user, data={"round": round.pk})
    return round
