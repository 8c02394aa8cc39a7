"""Sending one mail: claim it, hand it to the mail server, record the outcome; each step committed on
its own, so a worker killed at any point leaves a row that says how far it got."""

from __future__ import annotations

import base64
import logging
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ..errors import Undeliverable, backoff, describe, is_temporary
from ..jobs import job_enqueue
from ..models import MailState, OutboxMail
from ..purposes import purpose_of

logger = logging.getLogger(__name__)


@task()
def mail_deliver_task(mail_id: int) -> str:
    """The outbox's one job. Its argument is an id, so it reads the state when it runs."""
    return mail_deliver(mail_id=mail_id)


def mail_deliver(*, mail_id: int) -> str:
    """Sends the mail if it is due; returns its state afterwards."""
    claimed = _claim(mail_id=mail_id)
    if claimed is None:
        return OutboxMail.objects.filter(pk=mail_id).values_list("state", flat=True).first() or "gone"
    mail, message = claimed
    try:
        message.send()
    except Exception as error:  # whatever the mail server or the network raised: recorded, not lost
        return _record_failure(mail_id=mail_id, error=error)
    return _record_sent(mail_id=mail_id, context=mail.context)


@transaction.atomic
def _claim(*, mail_id: int) -> tuple[OutboxMail, EmailMessage] | None:
    mail = OutboxMail.objects.select_for_update().filter(pk=mail_id).first()
    now = timezone.now()
    if mail is None or mail.state != MailState.QUEUED:
        return None  # sent, or given up, or another worker has it
    if mail.next_attempt_at and mail.next_attempt_at > now:
        return None  # an earlier job of this mail; the one queued for its retry will come
    purpose = purpose_of(mail.purpose)
    try:
        message = purpose.build(mail) if purpose and purpose.build else _message(mail)
    except Undeliverable as error:
        _give_up(mail=mail, reason=str(error))
        return None
    except Exception as error:  # a broken template must not hold up the other mails
        logger.exception("Outbox mail %s (%s) could not be built", mail.pk, mail.purpose)
        _give_up(mail=mail, reason=describe(error))
        return None
    if message is None:
        mail.state, mail.claimed_at = MailState.SKIPPED, now
        mail.save(update_fields=["state", "claimed_at", "context"])
        return None
    mail.state, mail.claimed_at, mail.attempts = MailState.SENDING, now, mail.attempts + 1
    if not mail.subject:
        mail.subject = message.subject
    mail.save(update_fields=["state", "claimed_at", "attempts", "subject", "context"])
    return mail, message


def _message(mail: OutboxMail) -> EmailMultiAlternatives:
    # One Message-ID per mail, whatever the try: sent twice (a worker killed just after the server took
    # it), the recipient's mail program shows one.
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "sakrad"
    headers = {"Message-ID": f"<outbox-{mail.pk}.{mail.created_at:%Y%m%d%H%M%S}@{host}>"}
    message = EmailMultiAlternatives(subject=mail.subject, body=mail.body, to=mail.to, headers=headers)
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"], base64.b64decode(attachment["content"]), attachment["mimetype"]
        )
    return message


@transaction.atomic
def _record_sent(*, mail_id: int, context: dict) -> str:
    mail = OutboxMail.objects.select_for_update().get(pk=mail_id)
    mail.state, mail.sent_at, mail.error, mail.next_attempt_at = MailState.SENT, timezone.now(), "", None
    mail.context = context
    mail.save(update_fields=["state", "sent_at", "error", "next_attempt_at", "context"])
    purpose = purpose_of(mail.purpose)
    if purpose and purpose.sent:
        purpose.sent(mail)
    return mail.state


@transaction.atomic
def _record_failure(*, mail_id: int, error: BaseException) -> str:
    mail = OutboxMail.objects.select_for_update().get(pk=mail_id)
    reason = describe(error)
    if is_temporary(error) and mail.attempts < settings.SAKRAD_OUTBOX_MAX_ATTEMPTS:
        wait = backoff(attempts=mail.attempts, first_seconds=settings.SAKRAD_OUTBOX_RETRY_SECONDS)
        mail.state, mail.error = MailState.QUEUED, reason
        mail.next_attempt_at = timezone.now() + wait
        mail.save(update_fields=["state", "error", "next_attempt_at"])
        logger.warning(
            "Mail %s (%s, consultation %s) not sent, will retry in %d s: %s. If this goes on, check "
            "the mail server (EMAIL_HOST) and the outbox screen.",
            mail.pk,
            mail.purpose,
            mail.consultation_id,
            wait.total_seconds(),
            reason,
        )
        job_enqueue(mail_deliver_task, run_after=mail.next_attempt_at, mail_id=mail.pk)
        return mail.state
    _give_up(mail=mail, reason=reason)
    return mail.state


def _give_up(*, mail: OutboxMail, reason: str) -> None:
    mail.state, mail.error, mail.next_attempt_at = MailState.FAILED, reason, None
    mail.save(update_fields=["state", "error", "next_attempt_at", "context"])
    logger.error(
        "Mail %s (%s, consultation %s) failed for good after %d attempts: %s. Fix the cause and press "
        "Retry on the consultation's outbox screen.",
        mail.pk,
        mail.purpose,
        mail.consultation_id,
        mail.attempts,
        reason,
    )
    purpose = purpose_of(mail.purpose)
    if purpose and purpose.failed:
        purpose.failed(mail)


def claim_expired_before() -> timezone.datetime:
    return timezone.now() - timedelta(seconds=settings.SAKRAD_OUTBOX_CLAIM_SECONDS)
