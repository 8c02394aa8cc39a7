"""Keeping the outbox's personal data no longer than needed: a person's mails go with the person, and
every mail goes some days after it was sent or gave up (docs/privacy.md)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import MailState, OutboxMail


@transaction.atomic
def mails_to_erase(*, email: str) -> int:
    """Deletes every mail to `email` (the erasure of a person); returns how many."""
    rows = OutboxMail.objects.filter(to__icontains=email).only("pk", "to")
    doomed = [row.pk for row in rows if email.lower() in (address.lower() for address in row.to)]
    return OutboxMail.objects.filter(pk__in=doomed).delete()[0]


def mails_prune() -> int:
    """Deletes mails sent, skipped or failed more than SAKRAD_OUTBOX_KEEP_DAYS ago; returns how many."""
    before = timezone.now() - timedelta(days=settings.SAKRAD_OUTBOX_KEEP_DAYS)
    done = [MailState.SENT, MailState.SKIPPED, MailState.FAILED]
    return OutboxMail.objects.filter(state__in=done, created_at__lt=before).delete()[0]
