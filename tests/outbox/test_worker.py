"""Nothing lost on the way to the mail server (issue 19's "done when"): real processes, as in
production: the job worker (`manage.py jobs_worker`, the database backend) on the test database,
and a real SMTP server. A mail server that is down when invitations are queued, and a worker killed
in the middle of a send, still end with every organisation holding exactly one invitation.

Needs PostgreSQL and Redis, like the other multi-process tests (tests/conftest.py deselects it
otherwise)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from invitations.models import InvitationStatus
from invitations.services import invitation_create_many, invitation_send_start
from outbox.models import MailState, OutboxMail
from tests.invitations import factories
from tests.notes.workers import database_url, free_port, worker_env

from .smtp import SmtpServer

pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60.0  # a busy 2-core CI machine starts Django slowly
ORGANISATIONS = 4


def wait_until(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.05)


class JobWorker:
    def __init__(self, *, smtp_port: int, logs: Path):
        self.env = {
            **worker_env(database=database_url(connection.settings_dict), redis=os.environ["REDIS_URL"]),
            "DJANGO_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "SAKRAD_TEST_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "DJANGO_EMAIL_HOST": "127.0.0.1",
            "DJANGO_EMAIL_PORT": str(smtp_port),
            "SAKRAD_OUTBOX_RETRY_SECONDS": "0.3",
            "SAKRAD_OUTBOX_MAX_ATTEMPTS": "30",
            "SAKRAD_OUTBOX_CLAIM_SECONDS": "2",
        }
        self.logs = logs
        self.process: subprocess.Popen | None = None
        self.started = 0

    def start(self) -> JobWorker:
        self.started += 1
        log = (self.logs / f"jobs-worker-{self.started}.log").open("w")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "jobs_worker", "--no-startup-delay", "--interval", "0.1"],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        return self

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def log(self) -> str:
        return "\n".join(path.read_text()[-3000:] for path in sorted(self.logs.glob("jobs-worker-*.log")))


@pytest.fixture
def stored_jobs(settings):
    # This process queues into the database, as production's web workers do.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def smtp():
    server = SmtpServer(free_port())
    yield server
    server.stop()


@pytest.fixture
def worker(smtp, tmp_path):
    worker = JobWorker(smtp_port=smtp.port, logs=tmp_path)
    yield worker
    worker.stop()


def invitations_queued(organiser):
    consultation = factories.consultation(capacity=20, seats=2)
    organisations = [
        factories.organisation(f"kansli@forening{n}.se", name=f"Förening {n}") for n in range(ORGANISATIONS)
    ]
    invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
    invitation_send_start(consultation=consultation, user=organiser)
    return consultation


def states(consultation) -> list[str]:
    return list(OutboxMail.objects.filter(consultation=consultation).values_list("state", flat=True))


def assert_each_organisation_has_one(smtp, consultation):
    expected = sorted(f"kansli@forening{n}.se" for n in range(ORGANISATIONS))
    assert smtp.recorder.recipients() == expected
    assert set(consultation.invitations.values_list("status", flat=True)) == {InvitationStatus.SENT}


def test_a_mail_server_down_when_invitations_are_queued_gets_each_once_it_is_back(
    stored_jobs, organiser, smtp, worker
):
    worker.start()
    consultation = invitations_queued(organiser)  # the server is not listening yet
    failing = OutboxMail.objects.filter(
        consultation=consultation, attempts__gte=1, error__contains="Connection"
    )
    wait_until(lambda: failing.count() == ORGANISATIONS, f"a first failed try of each mail\n{worker.log()}")
    assert set(states(consultation)) <= {MailState.QUEUED, MailState.SENDING}

    smtp.start()
    sent = lambda: states(consultation) == [MailState.SENT] * ORGANISATIONS  # noqa: E731
    wait_until(sent, f"every mail sent once the server is back\n{worker.log()}")
    assert_each_organisation_has_one(smtp, consultation)


def test_a_worker_killed_in_the_middle_of_a_send_leaves_each_organisation_one_mail(
    stored_jobs, organiser, smtp, worker
):
    smtp.recorder.hold_at = 2  # the second mail stops after its recipient, the worker inside it
    smtp.start()
    worker.start()
    consultation = invitations_queued(organiser)
    assert smtp.recorder.holding.wait(TIMEOUT), worker.log()
    held = OutboxMail.objects.get(consultation=consultation, state=MailState.SENDING)
    worker.kill()
    smtp.recorder.release.set()

    worker.start()  # its sweep finds the claim of the killed worker, and sends that mail again
    sent = lambda: states(consultation) == [MailState.SENT] * ORGANISATIONS  # noqa: E731
    wait_until(sent, f"every mail sent after the restart\n{worker.log()}")
    assert_each_organisation_has_one(smtp, consultation)
    held.refresh_from_db()
    assert held.attempts == 2
