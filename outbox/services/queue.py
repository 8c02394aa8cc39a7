"""Putting a mail in the outbox, in the caller's transaction, and queueing the job that sends it."""

from __future__ import annotations

import base64
import hashlib

from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from ..jobs import job_enqueue
from ..models import OutboxMail
from .deliver import mail_deliver_task


def _stored(message: EmailMultiAlternatives) -> dict:
    html = next((content for content, mimetype in message.alternatives if mimetype == "text/html"), "")
    attachments = [
        {
            "filename": filename,
            "content": base64.b64encode(content if isinstance(content, bytes) else content.encode()).decode(),
            "mimetype": mimetype,
        }
        for filename, content, mimetype in message.attachments
    ]
    return {
        "to": list(message.to),
        "subject": message.subject,
        "body": message.body,
        "html": html,
        "attachments": attachments,
    }


def mail_queue(*, message: EmailMultiAlternatives, purpose: str, key: str, consultation=None) -> OutboxMail:
    """Queues `message` unless a mail with `key` was queued before: then that one is returned and
    nothing more is sent."""
    return _queued(key=key, purpose=purpose, consultation=consultation, **_stored(message))


def mails_queue(*, messages: list[EmailMultiAlternatives], purpose: str, key: str, consultation=None) -> None:
    """One mail per message, each keyed by `key` and its recipients: the same cause queued twice
    (a publish run again) mails no one twice."""
    for message in messages:
        mail_queue(
            message=message, purpose=purpose, key=f"{key}:{','.join(message.to)}", consultation=consultation
        )


def mail_queue_built(
    *, purpose: str, key: str, to: list[str], consultation=None, context: dict
) -> OutboxMail:
    """Queues a mail whose message the purpose's `build` makes when it is sent (purposes.py)."""
    return _queued(key=key, purpose=purpose, consultation=consultation, to=to, context=context)


@transaction.atomic
def _queued(*, key: str, **fields) -> OutboxMail:
    mail, created = OutboxMail.objects.get_or_create(key=_stored_key(key), defaults=fields)
    if created:
        job_enqueue(mail_deliver_task, mail_id=mail.pk)
    return mail


KEY_LENGTH = OutboxMail._meta.get_field("key").max_length


def _stored_key(key: str) -> str:
    """The key as stored: a long one (many recipients) ends in its hash rather than being cut, so two
    keys that differ only after the limit stay two mails."""
    if len(key) <= KEY_LENGTH:
        return key
    digest = hashlib.sha256(key.encode()).hexdigest()
    return f"{key[: KEY_LENGTH - len(digest) - 1]}:{digest}"
