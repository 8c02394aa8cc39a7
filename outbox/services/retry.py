"""Staff send a failed mail again, or one waiting for its next try now (the outbox screen's Retry:
under the immediate backend of `make run` no worker tries again by itself)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..jobs import job_enqueue
from ..log_actions import MAIL_RETRY
from ..models import MailState, OutboxMail
from ..permissions import can_view_outbox
from .deliver import mail_deliver_task


@transaction.atomic
def mail_retry(*, mail: OutboxMail, user) -> OutboxMail:
    if mail.consultation is None or not can_view_outbox(user=user, consultation=mail.consultation):
        raise PermissionDenied(_("You may not send this consultation's e-mail."))
    mail = OutboxMail.objects.select_for_update().get(pk=mail.pk)
    if not mail.may_retry:
        raise ValidationError(
            _("Only an e-mail that failed, or waits for another try, can be sent again."), code="not_failed"
        )
    mail_requeue(mail=mail)
    log(
        instance=mail.consultation,
        action=MAIL_RETRY,
        user=user,
        data={"mail": mail.pk, "purpose": mail.purpose},
    )
    return mail


def mail_requeue(*, mail: OutboxMail) -> None:
    """Queues a failed mail once more, with a fresh count of tries; the caller checked who asks."""
    mail.state, mail.next_attempt_at, mail.attempts = MailState.QUEUED, None, 0
    mail.save(update_fields=["state", "next_attempt_at", "attempts"])
    job_enqueue(mail_deliver_task, mail_id=mail.pk)
