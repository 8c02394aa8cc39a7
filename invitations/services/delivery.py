"""An invitation's or a reminder's e-mail, sent through the outbox (outbox/): one outbox mail per
delivery, queued with the send; its message is built when it goes, with a new link whose hash is
stored on the invitation only once the mail server took it, so a link that failed to arrive never
replaces one the organisation has. The outbox retries what failed for a while, and staff see and
retry the rest (a send's progress is counted from the outbox's states)."""

import logging

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from outbox.errors import Undeliverable
from outbox.models import MailState, OutboxMail
from outbox.purposes import Purpose, purpose_register
from outbox.services import mail_queue_built

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
PURPOSE = "invitation"


def deliveries_queue(*, deliveries: list[InvitationDelivery]) -> None:
    """Queues one outbox mail per delivery, in the caller's transaction."""
    for delivery in deliveries:
        mail = mail_queue_built(
            purpose=PURPOSE,
            key=f"invitation-delivery:{delivery.pk}",
            to=delivery.invitation.organisation.contact_email_list,
            consultation=delivery.send.consultation,
            context={"delivery": delivery.pk},
        )
        InvitationDelivery.objects.filter(pk=delivery.pk).update(mail=mail)


def _delivery(mail: OutboxMail) -> InvitationDelivery:
    return (
        InvitationDelivery.objects.select_for_update(of=("self",))
        .select_related("send", "invitation__consultation", "invitation__organisation")
        .get(pk=mail.context["delivery"])
    )


def _build(mail: OutboxMail):
    delivery = _delivery(mail)
    invitation = delivery.invitation
    reminder = delivery.send.kind == SendKind.REMINDER
    if invitation.status == InvitationStatus.WITHDRAWN or (
        reminder and not _reminder_due(invitation=invitation)
    ):
        delivery.status = DeliveryStatus.SKIPPED
        delivery.save(update_fields=["status"])
        _progress_update(send_id=delivery.send_id)
        return None
    if not invitation.organisation.contact_email_list:
        raise Undeliverable(_("The organisation has no contact email address. Add one and retry."))
    token, digest = token_new()
    message = invitation_message(invitation=invitation, token=token, reminder=reminder)
    mail.to = list(message.to)
    mail.context = {**mail.context, "digest": digest}
    delivery.status, delivery.attempted_at = DeliveryStatus.SENDING, timezone.now()
    delivery.save(update_fields=["status", "attempted_at"])
    return message


def _reminder_due(*, invitation: Invitation) -> bool:
    unanswered = invitation.status == InvitationStatus.SENT and invitation.answered_at is None
    return unanswered and token_state(invitation=invitation) == TokenState.VALID


def _sent(mail: OutboxMail) -> None:
    delivery = _delivery(mail)
    invitation = Invitation.objects.select_for_update(of=("self",)).get(pk=delivery.invitation_id)
    now = timezone.now()
    delivery.status, delivery.sent_at, delivery.error = DeliveryStatus.SENT, now, ""
    delivery.save(update_fields=["status", "sent_at", "error"])
    _progress_update(send_id=delivery.send_id)
    if invitation.status == InvitationStatus.WITHDRAWN:
        return  # withdrawn while this email was on its way: its link must not bring the invitation back
    invitation.token_hash = mail.context["digest"]
    invitation.token_expires_at = rsvp_closes_at(consultation=delivery.invitation.consultation)
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


def _failed(mail: OutboxMail) -> None:
    # The invitation keeps its state (a first invitation stays "not sent"); the error is shown to staff.
    delivery = _delivery(mail)
    delivery.status, delivery.error, delivery.attempted_at = DeliveryStatus.FAILED, mail.error, timezone.now()
    delivery.save(update_fields=["status", "error", "attempted_at"])
    Invitation.objects.filter(pk=delivery.invitation_id).update(last_send_error=mail.error)
    _progress_update(send_id=delivery.send_id)
    log(
        instance=delivery.invitation,
        action=INVITATION_DELIVERY_FAILED,
        user=delivery.send.created_by,
        # Only the kind of error: the server's text can quote addresses, and the log is kept for good.
        data={"send_id": delivery.send_id, "error": mail.error.split(":", 1)[0][:200]},
    )


def _progress_update(*, send_id: int) -> None:
    """The send's counts, read from its mails' states in the outbox; finished once none is waiting."""
    rows = InvitationDelivery.objects.filter(send_id=send_id)
    counts = rows.aggregate(
        sent=Count("pk", filter=Q(mail__state=MailState.SENT)),
        failed=Count("pk", filter=Q(mail__state=MailState.FAILED)),
        skipped=Count("pk", filter=Q(status=DeliveryStatus.SKIPPED) | Q(mail__state=MailState.SKIPPED)),
        waiting=Count(
            "pk",
            filter=Q(mail__state__in=[MailState.QUEUED, MailState.SENDING])
            & ~Q(status=DeliveryStatus.SKIPPED),
        ),
    )
    waiting = counts.pop("waiting")
    InvitationSend.objects.filter(pk=send_id).update(
        **counts, finished_at=None if waiting else timezone.now()
    )


purpose_register(
    PURPOSE, Purpose(label=gettext_lazy("Invitation or reminder"), build=_build, sent=_sent, failed=_failed)
)
