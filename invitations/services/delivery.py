"""Mailing one send, one organisation at a time; run by the background task, safe to run again.

Each email goes through three steps, each committed on its own: claim (the delivery is marked
"sending"), hand to the mail server, record the outcome. A retry only takes deliveries that are
waiting or failed, so an organisation whose email went out is never mailed again for that send;
a crash between the mail server and the record leaves "outcome unknown" for staff to check,
rather than a guess that could mail twice.
"""

import logging
import smtplib

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import INVITATION_DELIVERED, INVITATION_DELIVERY_FAILED
from ..mail import invitation_message
from ..models import (
    DeliveryStatus,
    Invitation,
    InvitationDelivery,
    InvitationSend,
    InvitationStatus,
    SendKind,
)
from ..permissions import TokenState, rsvp_closes_at, token_state
from ..tokens import token_new

logger = logging.getLogger(__name__)
MAIL_ERRORS = (smtplib.SMTPException, OSError)
RETRYABLE = (DeliveryStatus.PENDING, DeliveryStatus.FAILED)


# Not atomic as a whole on purpose: each email's outcome is committed as soon as it is known.
def invitation_send(*, send_batch: InvitationSend) -> InvitationSend:
    """Mails every delivery of the send that is waiting or failed, then records the progress."""
    ids = send_batch.deliveries.filter(status__in=RETRYABLE).order_by("pk").values_list("pk", flat=True)
    for delivery_id in list(ids):
        _deliver(delivery_id=delivery_id)
        _progress_update(send_id=send_batch.pk)
    return _progress_update(send_id=send_batch.pk, finished=True)


def _deliver(*, delivery_id: int) -> None:
    claimed = _claim(delivery_id=delivery_id)
    if claimed is None:
        return
    message, digest = claimed
    try:
        message.send()
    except MAIL_ERRORS as error:
        _record(delivery_id=delivery_id, error=f"{type(error).__name__}: {error}")
    else:
        _record(delivery_id=delivery_id, digest=digest)


@transaction.atomic
def _claim(*, delivery_id: int):
    """The message to send and the new token's hash, or None when there is nothing to send."""
    delivery = (
        InvitationDelivery.objects.select_for_update(of=("self",)).select_related("send").get(pk=delivery_id)
    )
    if delivery.status not in RETRYABLE:
        return None  # another run got here first
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("consultation", "organisation")
        .get(pk=delivery.invitation_id)
    )
    reminder = delivery.send.kind == SendKind.REMINDER
    withdrawn = invitation.status == InvitationStatus.WITHDRAWN
    if withdrawn or (reminder and not _reminder_due(invitation=invitation)):
        delivery.status = DeliveryStatus.SKIPPED
        delivery.save(update_fields=["status"])
        return None
    if not invitation.organisation.contact_email_list:
        _fail(
            delivery=delivery,
            invitation=invitation,
            error=_("The organisation has no contact email address. Add one and retry."),
        )
        return None
    # The new token is stored only once the email has gone out: if sending fails, the link the
    # organisation already has keeps working.
    token, digest = token_new()
    try:
        message = invitation_message(invitation=invitation, token=token, reminder=reminder)
    except Exception as error:  # a broken template must not stop the other organisations' emails
        logger.exception("Could not build the invitation email for invitation %s", invitation.pk)
        _fail(delivery=delivery, invitation=invitation, error=f"{type(error).__name__}: {error}")
        return None
    delivery.status = DeliveryStatus.SENDING
    delivery.attempted_at = timezone.now()
    delivery.save(update_fields=["status", "attempted_at"])
    return message, digest


def _reminder_due(*, invitation: Invitation) -> bool:
    unanswered = invitation.status == InvitationStatus.SENT and invitation.answered_at is None
    return unanswered and token_state(invitation=invitation) == TokenState.VALID


@transaction.atomic
def _record(*, delivery_id: int, digest: str = "", error: str = "") -> None:
    delivery = (
        InvitationDelivery.objects.select_for_update(of=("self",)).select_related("send").get(pk=delivery_id)
    )
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("consultation")
        .get(pk=delivery.invitation_id)
    )
    if error:
        _fail(delivery=delivery, invitation=invitation, error=error)
        return
    now = timezone.now()
    delivery.status, delivery.sent_at, delivery.error = DeliveryStatus.SENT, now, ""
    delivery.save(update_fields=["status", "sent_at", "error"])
    if invitation.status == InvitationStatus.WITHDRAWN:
        return  # withdrawn while this email was on its way: its link must not bring the invitation back
    invitation.token_hash = digest
    invitation.token_expires_at = rsvp_closes_at(consultation=invitation.consultation)
    invitation.token_revoked_at = None
    invitation.last_send_error = ""
    if delivery.send.kind == SendKind.REMINDER:
        invitation.reminder_sent_at = now
    else:
        invitation.sent_at = now
    if invitation.status == InvitationStatus.NOT_SENT:
        invitation.status = InvitationStatus.SENT
    invitation.save()
    log(
        instance=invitation,
        action=INVITATION_DELIVERED,
        user=delivery.send.created_by,
        data={"send_id": delivery.send_id, "kind": delivery.send.kind},
    )


def _fail(*, delivery: InvitationDelivery, invitation: Invitation, error: str) -> None:
    # The invitation keeps its state (a first invitation stays "not sent"); the error is shown to staff.
    delivery.status, delivery.error, delivery.attempted_at = DeliveryStatus.FAILED, error, timezone.now()
    delivery.save(update_fields=["status", "error", "attempted_at"])
    invitation.last_send_error = error
    invitation.save(update_fields=["last_send_error"])
    log(
        instance=invitation,
        action=INVITATION_DELIVERY_FAILED,
        user=delivery.send.created_by,
        # Only the kind of error: the server's text can quote addresses, and the log is kept for good.
        data={"send_id": delivery.send_id, "error": error.split(":", 1)[0][:200]},
    )


def _progress_update(*, send_id: int, finished: bool = False) -> InvitationSend:
    # "Outcome unknown" counts with the failures: both need someone to look at them.
    counts = InvitationDelivery.objects.filter(send_id=send_id).aggregate(
        sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
        failed=Count("pk", filter=Q(status__in=[DeliveryStatus.FAILED, DeliveryStatus.SENDING])),
        skipped=Count("pk", filter=Q(status=DeliveryStatus.SKIPPED)),
    )
    changes = {**counts, **({"finished_at": timezone.now()} if finished else {})}
    InvitationSend.objects.filter(pk=send_id).update(**changes)
    return InvitationSend.objects.get(pk=send_id)
