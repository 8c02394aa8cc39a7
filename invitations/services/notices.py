"""The invitations' other e-mails, put in the outbox (outbox/) in the transaction of the change that
causes them: login links, promoted from the waiting list, withdrawn, people held from a link. Each
key carries a fresh id, so a second cause (promoted again later) mails again, while the outbox sends
each queued mail once."""

import logging
import uuid

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from outbox.purposes import Purpose, purpose_register
from outbox.services import mail_queue

from ..mail import held_message, login_message, promoted_message, withdrawn_message
from ..models import Attendee, HeldAttendee, Invitation, InvitationStatus
from ..permissions import can_manage_invitations
from ..selectors import organiser_contacts

logger = logging.getLogger(__name__)

for _name, _label in {
    "attendee-login": _("Login link to an attendee"),
    "waitlist-promoted": _("Taken off the waiting list"),
    "invitation-withdrawn": _("Invitation withdrawn"),
    "attendees-held": _("People held from an RSVP link"),
}.items():
    purpose_register(_name, Purpose(label=_label))


def _queue(message, *, purpose: str, subject_id, consultation) -> None:
    mail_queue(
        message=message,
        purpose=purpose,
        key=f"{purpose}:{subject_id}:{uuid.uuid4().hex}",
        consultation=consultation,
    )


def login_emails_queue_for(*, attendee_ids: list[int]) -> int:
    """One login email per attendee whose account can log in."""
    rows = Attendee.objects.filter(pk__in=attendee_ids, user__is_active=True).select_related(
        "consultation", "invitation__organisation"
    )
    for attendee in rows:
        _queue(
            login_message(attendee=attendee),
            purpose="attendee-login",
            subject_id=attendee.pk,
            consultation=attendee.consultation,
        )
    return len(rows)


def _tell(*, invitation_id: int, status: InvitationStatus, message, purpose: str) -> bool:
    """Mails the organisation if the invitation is still in `status` and it has an address."""
    invitation = (
        Invitation.objects.select_related("consultation", "organisation")
        .prefetch_related(Prefetch("attendees", queryset=Attendee.objects.order_by("pk")))
        .filter(pk=invitation_id, status=status)
        .first()
    )
    if invitation is None or not invitation.organisation.contact_email_list:
        return False
    _queue(
        message(invitation=invitation),
        purpose=purpose,
        subject_id=invitation.pk,
        consultation=invitation.consultation,
    )
    return True


def promoted_email_queue(*, invitation_id: int) -> bool:
    return _tell(
        invitation_id=invitation_id,
        status=InvitationStatus.ACCEPTED,
        message=promoted_message,
        purpose="waitlist-promoted",
    )


def withdrawn_email_queue(*, invitation_id: int) -> bool:
    return _tell(
        invitation_id=invitation_id,
        status=InvitationStatus.WITHDRAWN,
        message=withdrawn_message,
        purpose="invitation-withdrawn",
    )


def held_notice_queue(*, held_ids: list[int]) -> int:
    """Tells the organisers that a link named people it may not add; returns how many are told.
    The overview lists the held people whether or not this mail goes."""
    held = HeldAttendee.objects.filter(pk__in=held_ids).select_related(
        "invitation__organisation", "invitation__consultation"
    )
    first = held.first()
    if first is None:
        return 0
    consultation = first.invitation.consultation
    to = [
        user.email
        for user in organiser_contacts(consultation=consultation)
        if user.email and can_manage_invitations(user=user, consultation=consultation)
    ]
    if not to:
        logger.warning("No organiser to tell about held attendees of consultation %s", consultation.pk)
        return 0
    _queue(
        held_message(invitation=first.invitation, to=to),
        purpose="attendees-held",
        subject_id=first.invitation_id,
        consultation=consultation,
    )
    return len(to)
