"""`manage.py jobs_worker`: django_tasks_db's worker, which outlives a database restart, plus a
heartbeat (for /readyz) and the outbox's sweep (services/recover.py) every few seconds, and its
pruning (services/erase.py) every hour, on a thread of their own so that a long job does not hold
them up."""

import logging
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.utils import InterfaceError, OperationalError
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker

from outbox.models import QueueWorker
from outbox.services import mails_prune, mails_recover, worker_seen

logger = logging.getLogger("outbox.worker")
# The sweep finds a dead worker's claim within half a claim time; never busier than every 5 s.
BEAT_SECONDS = min(5.0, settings.SAKRAD_OUTBOX_CLAIM_SECONDS / 2)
DATABASE_AWAY_SECONDS = 2.0


PRUNE_SECONDS = 3600


def beat(worker_id: str, stop: threading.Event) -> None:
    pruned_at = 0.0
    while not stop.is_set():
        try:
            close_old_connections()
            worker_seen(worker_id=worker_id)
            mails_recover()
            if time.monotonic() - pruned_at > PRUNE_SECONDS:
                mails_prune()
                pruned_at = time.monotonic()
        except Exception:
            logger.warning(
                "Job worker %s: heartbeat and sweep failed; trying again.", worker_id, exc_info=True
            )
            connection.close()
        stop.wait(BEAT_SECONDS)


class PatientWorker(Worker):
    """Waits for the database to come back instead of exiting: `make serve` stops every process when
    one exits, and a PostgreSQL restart must not take the web workers down with the queue."""

    def run(self) -> None:
        while self.running:
            try:
                return super().run()
            except (OperationalError, InterfaceError):
                logger.warning(
                    "Job worker %s: the database is away; trying again in %.0f s. Jobs wait in the "
                    "database meanwhile.",
                    self.worker_id,
                    DATABASE_AWAY_SECONDS,
                )
                connection.close()
                time.sleep(DATABASE_AWAY_SECONDS)


class Command(DatabaseWorkerCommand):
    help = "Runs the stored jobs (every e-mail), with a heartbeat and the outbox's sweep."

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        max_tasks,
        worker_id,
        exclude_queues,
        **options,
    ):
        self.configure_logging(verbosity)
        worker = PatientWorker(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
        )
        worker.configure_signals()
        stop = threading.Event()
        threading.Thread(target=beat, args=(worker_id, stop), daemon=True, name="jobs-heartbeat").start()
        try:
            worker.run()
        finally:
            stop.set()
            QueueWorker.objects.filter(worker_id=worker_id).delete()
