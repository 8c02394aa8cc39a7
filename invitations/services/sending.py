"""Starting a send (invitations or a reminder) and retrying one; the mailing itself runs in the
outbox (delivery.py: one outbox mail per organisation, queued in the same transaction)."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from outbox.models import MailState
from outbox.services import mail_requeue

from ..log_actions import INVITATION_SEND, INVITATION_SEND_RETRY, REMINDER_SEND
from ..models import (
    DeliveryStatus,
    Invitation,
    InvitationDelivery,
    InvitationSend,
    InvitationStatus,
    SendKind,
)
from ..permissions import rsvp_closes_at
from .common import require_manager
from .delivery import deliveries_queue

OPEN_DELIVERY = (DeliveryStatus.PENDING, DeliveryStatus.SENDING)


def _require_open(*, consultation, message: str) -> None:
    if timezone.now() >= rsvp_closes_at(consultation=consultation):
        raise ValidationError(message, code="deadline_passed")


def _send_create(*, consultation, user, kind: SendKind, invitations: list[Invitation]) -> InvitationSend:
    batch = InvitationSend.objects.create(
        consultation=consultation, created_by=user, kind=kind, total=len(invitations)
    )
    deliveries = InvitationDelivery.objects.bulk_create(
        InvitationDelivery(send=batch, invitation=invitation) for invitation in invitations
    )
    deliveries_queue(deliveries=deliveries)
    return batch


@transaction.atomic
def invitation_send_start(
    *, consultation, user, invitations: Iterable[Invitation] | None = None
) -> InvitationSend:
    """Sends the invitations in the background: by default every one not sent yet; given a list
    (e.g. after fixing a contact address), those again, each with a new link replacing the old."""
    require_manager(user=user, consultation=consultation)
    _require_open(
        consultation=consultation,
        message=_("The RSVP deadline has passed. Move the deadline before sending invitations."),
    )
    rows = Invitation.objects.for_consultation(consultation)
    if invitations is None:
        # Not those already queued in another send still running: they would get two emails.
        rows = rows.filter(status=InvitationStatus.NOT_SENT).exclude(deliveries__status__in=OPEN_DELIVERY)
    else:
        rows = rows.filter(pk__in=[invitation.pk for invitation in invitations]).exclude(
            status=InvitationStatus.WITHDRAWN
        )
    targets = list(rows.select_related("organisation").order_by("pk"))
    if not targets:
        raise ValidationError(_("There are no invitations to send."), code="nothing_to_send")
    batch = _send_create(consultation=consultation, user=user, kind=SendKind.INVITATION, invitations=targets)
    log(
        instance=consultation,
        action=INVITATION_SEND,
        user=user,
        data={"send_id": batch.pk, "total": batch.total},
    )
    return batch


@transaction.atomic
def reminder_send(*, consultation, user) -> InvitationSend:
    """Reminds the organisations that were sent an invitation and have not answered, before the deadline."""
    require_manager(user=user, consultation=consultation)
    _require_open(
        consultation=consultation,
        message=_("The RSVP deadline has passed: reminders can only be sent before it."),
    )
    targets = list(
        Invitation.objects.for_consultation(consultation)
        .unanswered()
        .filter(token_revoked_at__isnull=True)
        .select_related("organisation")
        .order_by("pk")
    )
    if not targets:
        raise ValidationError(
            _("Every invited organisation has answered: there is no one to remind."), code="nothing_to_send"
        )
    batch = _send_create(consultation=consultation, user=user, kind=SendKind.REMINDER, invitations=targets)
    log(
        instance=consultation,
        action=REMINDER_SEND,
        user=user,
        data={"send_id": batch.pk, "total": batch.total},
    )
    return batch


@transaction.atomic
def invitation_send_retry(*, send_batch: InvitationSend, user) -> InvitationSend:
    """Runs a send again for its failed and waiting emails only; those sent are never sent twice."""
    require_manager(user=user, consultation=send_batch.consultation)
    failed = list(send_batch.deliveries.filter(mail__state=MailState.FAILED).select_related("mail"))
    if not failed:
        raise ValidationError(
            _("Nothing to retry: every email of this send has gone out."), code="nothing_to_send"
        )
    for delivery in failed:
        mail_requeue(mail=delivery.mail)
    InvitationDelivery.objects.filter(pk__in=[row.pk for row in failed]).update(status=DeliveryStatus.PENDING)
    InvitationSend.objects.filter(pk=send_batch.pk).update(finished_at=None)
    send_batch.refresh_from_db()
    retry = len(failed)
    log(
        instance=send_batch.consultation,
        action=INVITATION_SEND_RETRY,
        user=user,
        data={"send_id": send_batch.pk, "retry": retry},
    )
    return send_batch
