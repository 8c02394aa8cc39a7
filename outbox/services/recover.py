"""The job worker's sweep: mails whose worker died while sending, or whose job was lost, go out
again. Run at the worker's start and every few seconds after (management/commands/jobs_worker.py)."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..jobs import job_enqueue
from ..models import MailState, OutboxMail, QueueWorker
from .deliver import claim_expired_before, mail_deliver_task

logger = logging.getLogger(__name__)


@transaction.atomic
def mails_recover() -> int:
    """Queues again what nobody is sending: a claim older than the claim time (its worker was killed
    mid-send: the mail server never finished taking it, or, in the instant after, it did and this
    sends it twice), and a mail overdue with no job to send it (queued under the immediate backend, or
    its job lost). Returns how many."""
    expired = claim_expired_before()
    stale = Q(state=MailState.SENDING, claimed_at__lt=expired)
    # Overdue by a claim time: a working queue takes a due job within seconds, so this one has none.
    overdue = Q(state=MailState.QUEUED) & (
        Q(next_attempt_at__isnull=True, created_at__lt=expired) | Q(next_attempt_at__lt=expired)
    )
    mails = list(
        OutboxMail.objects.select_for_update(skip_locked=True).filter(stale | overdue).order_by("pk")[:500]
    )
    for mail in mails:
        if mail.state == MailState.SENDING:
            logger.warning(
                "Mail %s (%s, consultation %s) was being sent by a worker that stopped; sending it again.",
                mail.pk,
                mail.purpose,
                mail.consultation_id,
            )
        mail.state, mail.next_attempt_at = MailState.QUEUED, None
        mail.save(update_fields=["state", "next_attempt_at"])
        job_enqueue(mail_deliver_task, mail_id=mail.pk)
    return len(mails)


def worker_seen(*, worker_id: str) -> None:
    QueueWorker.objects.update_or_create(worker_id=worker_id, defaults={"seen_at": timezone.now()})
