"""Staff actions on one attendee: removing someone who cancelled, and checking people in on the day."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from ..log_actions import ATTENDEE_CHECK_IN, ATTENDEE_REMOVE
from ..models import Attendee, Invitation, InvitationStatus
from .common import consultation_lock, require_manager
from .waitlist import promote_fitting


@transaction.atomic
def attendee_remove(*, attendee: Attendee, user) -> list[Invitation]:
    """Staff remove one person (e.g. they cancelled by phone). Returns invitations promoted into the seat."""
    invitation = attendee.invitation
    require_manager(user=user, consultation=invitation.consultation)
    consultation_lock(consultation_id=invitation.consultation_id)
    attendee.delete()
    remaining = invitation.attendees.count()
    log(instance=invitation, action=ATTENDEE_REMOVE, user=user, data={"remaining": remaining})
    if invitation.status == InvitationStatus.ACCEPTED:
        return promote_fitting(consultation=invitation.consultation, user=user)
    return []


@transaction.atomic
def attendee_check_in(*, attendee: Attendee, user, present: bool = True) -> Attendee:
    """Marks a person as arrived on the day (or undoes a mistaken check-in)."""
    require_manager(user=user, consultation=attendee.consultation)
    attendee = Attendee.objects.select_for_update().get(pk=attendee.pk)
    if present != (attendee.checked_in_at is not None):
        attendee.checked_in_at = timezone.now() if present else None
        attendee.save(update_fields=["checked_in_at"])
        log(
            instance=attendee.invitation,
            action=ATTENDEE_CHECK_IN,
            user=user,
            data={"attendee_id": attendee.pk, "present": present},
        )
    return attendee
