"""Background work (django_tasks, as Wagtail ships it). Arguments are ids: a task may run in another
process, later, and must read the current state. Which backend runs them: docs/invitations.md."""

import logging

from django.db.models import Prefetch
from django_tasks import task

from .mail import held_message, login_message, promoted_message, withdrawn_message
from .models import Attendee, HeldAttendee, Invitation, InvitationSend, InvitationStatus
from .permissions import can_manage_invitations
from .selectors import organiser_contacts
from .services.delivery import MAIL_ERRORS, invitation_send

logger = logging.getLogger(__name__)


@task()
def invitation_send_task(send_id: int) -> dict:
    batch = invitation_send(send_batch=InvitationSend.objects.get(pk=send_id))
    return {"total": batch.total, "sent": batch.sent, "failed": batch.failed, "skipped": batch.skipped}


@task()
def attendee_login_emails_task(attendee_ids: list[int]) -> int:
    """One login email per attendee; an attendee removed since is simply not mailed."""
    rows = Attendee.objects.filter(pk__in=attendee_ids, user__is_active=True).select_related(
        "consultation", "invitation__organisation"
    )
    sent = 0
    for attendee in rows:
        try:
            login_message(attendee=attendee).send()
        except MAIL_ERRORS:
            # One refused address must not cost the others their email; they can still ask for a code.
            logger.exception("Login email to attendee %s failed", attendee.pk)
            continue
        sent += 1
    return sent


@task()
def waitlist_promoted_email_task(invitation_id: int) -> bool:
    invitation = (
        Invitation.objects.select_related("consultation", "organisation")
        .prefetch_related(Prefetch("attendees", queryset=Attendee.objects.order_by("pk")))
        .filter(pk=invitation_id, status=InvitationStatus.ACCEPTED)
        .first()
    )
    if invitation is None or not invitation.organisation.contact_email_list:
        return False  # declined again meanwhile, or nowhere to write
    promoted_message(invitation=invitation).send()
    return True


@task()
def invitation_withdrawn_email_task(invitation_id: int) -> bool:
    invitation = (
        Invitation.objects.select_related("consultation", "organisation")
        .filter(pk=invitation_id, status=InvitationStatus.WITHDRAWN)
        .first()
    )
    if invitation is None or not invitation.organisation.contact_email_list:
        return False
    withdrawn_message(invitation=invitation).send()
    return True


@task()
def held_attendees_notify_task(held_ids: list[int]) -> int:
    """Tells the organisers that a link named people it may not add; returns how many were told.
    Those handled meanwhile are not mentioned; the overview lists them whether or not this mail goes."""
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
    try:
        held_message(invitation=first.invitation, to=to).send()
    except MAIL_ERRORS:
        # The held people stay listed on the overview; the mail is only the nudge to look there.
        logger.exception("Email about held attendees of invitation %s failed", first.invitation_id)
        return 0
    return len(to)
