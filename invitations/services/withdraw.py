"""Taking an organisation off a consultation's invitation list."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import INVITATION_REMOVE, INVITATION_WITHDRAW
from ..models import DeliveryStatus, Invitation, InvitationStatus
from .common import consultation_lock, require_manager
from .notices import withdrawn_email_queue
from .waitlist import promote_fitting


@transaction.atomic
def invitation_remove(*, invitation: Invitation, user) -> Invitation | None:
    """Takes the organisation off the list. One that never had an email is simply deleted (None is
    returned); one that may have had one is withdrawn instead: kept on the list as withdrawn, its link
    revoked, its people's seats freed for the waiting list, and the organisation, if it was sent the
    invitation, told by email."""
    require_manager(user=user, consultation=invitation.consultation)
    consultation_lock(consultation_id=invitation.consultation_id)
    invitation = (
        Invitation.objects.select_related("consultation", "organisation")
        .with_removable()
        .get(pk=invitation.pk)
    )
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise ValidationError(
            _("%(organisation)s is already withdrawn.") % {"organisation": invitation.organisation.name},
            code="already_withdrawn",
        )
    if invitation.removable:
        log(
            instance=invitation.consultation,
            action=INVITATION_REMOVE,
            user=user,
            data={"organisation": invitation.organisation.name},
        )
        invitation.delete()
        return None
    return _withdraw(invitation=invitation, user=user)


def _withdraw(*, invitation: Invitation, user) -> Invitation:
    was_accepted = invitation.status == InvitationStatus.ACCEPTED
    attendees = invitation.attendees.count()
    previous = invitation.status
    invitation.attendees.all().delete()
    # Emails still waiting in a send are not sent at all (delivery.py skips withdrawn ones too).
    invitation.deliveries.filter(status=DeliveryStatus.PENDING).update(status=DeliveryStatus.SKIPPED)
    invitation.status = InvitationStatus.WITHDRAWN
    invitation.waitlisted_at = None
    if invitation.token_hash and invitation.token_revoked_at is None:
        invitation.token_revoked_at = timezone.now()
    invitation.save(update_fields=["status", "waitlisted_at", "token_revoked_at"])
    log(
        instance=invitation,
        action=INVITATION_WITHDRAW,
        user=user,
        data={"status": previous, "attendees": attendees},
    )
    if invitation.sent_at is not None and invitation.organisation.contact_email_list:
        withdrawn_email_queue(invitation_id=invitation.pk)
    if was_accepted:
        promote_fitting(consultation=invitation.consultation, user=user)
    return invitation
