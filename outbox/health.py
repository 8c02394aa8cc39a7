"""The job queue's line on /readyz: "ok", or what the person on call should look at."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from sakrad.health import report_register

from .models import MailState, OutboxMail, QueueWorker

# A worker beats every few seconds (at most 5, management/commands/jobs_worker.py): silent this long,
# it is gone or stuck.
WORKER_SILENT_SECONDS = 30


def queue_report() -> str:
    if not settings.TASKS_BACKEND_STORES_JOBS:
        return "ok"  # the immediate backend: mail goes from the web worker, no queue to watch
    now = timezone.now()
    stale = now - timedelta(seconds=settings.SAKRAD_OUTBOX_CLAIM_SECONDS)
    if not QueueWorker.objects.filter(seen_at__gte=now - timedelta(seconds=WORKER_SILENT_SECONDS)).exists():
        return "no worker: start `manage.py jobs_worker` (docs/deployment.md)"
    if OutboxMail.objects.filter(
        state=MailState.QUEUED, created_at__lt=stale, next_attempt_at__isnull=True
    ).exists():
        return "mail waiting too long: is the worker stuck?"
    return "ok"


report_register("queue", queue_report)
