"""The outbox on its own: a mail queued once per key, nothing sent for a change rolled back, retries
with back-off for what the mail server says is temporary, a final failure kept with its reason, and
the sweep that sends again what a dead worker left claimed."""

import datetime as dt
import logging

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from outbox.errors import backoff
from outbox.management.commands import jobs_worker
from outbox.models import MailState, OutboxMail
from outbox.services import mail_deliver, mail_queue, mails_prune, mails_recover, mails_to_erase

from .helpers import deliver_all

pytestmark = pytest.mark.django_db

TEMPORARY = "tests.outbox.backends.TemporaryBackend"
PERMANENT = "tests.outbox.backends.PermanentBackend"


def message(to="kansli@framtid.se", subject="Hej"):
    message = EmailMultiAlternatives(subject=subject, body="Text", to=[to])
    message.attach_alternative("<p>Text</p>", "text/html")
    message.attach("sakrad.ics", "BEGIN:VCALENDAR", "text/calendar")
    return message


def queue(commit, key="test:1", **kwargs):
    with commit():
        return mail_queue(message=message(**kwargs), purpose="test", key=key)


def test_a_queued_mail_goes_once_with_its_html_and_attachment(commit):
    queued = queue(commit)
    [sent] = mail.outbox
    assert sent.to == ["kansli@framtid.se"] and sent.subject == "Hej"
    assert sent.alternatives[0][0] == "<p>Text</p>"
    assert sent.attachments[0][0] == "sakrad.ics"
    queued.refresh_from_db()
    assert (queued.state, queued.attempts, queued.error) == (MailState.SENT, 1, "")
    assert mail_deliver(mail_id=queued.pk) == MailState.SENT  # its job run again sends nothing
    assert len(mail.outbox) == 1
    assert (
        sent.extra_headers["Message-ID"]
        == f"<outbox-{queued.pk}.{queued.created_at:%Y%m%d%H%M%S}@testserver>"
    )


def test_the_same_key_queued_twice_is_one_mail(commit):
    first, second = queue(commit), queue(commit)
    assert first.pk == second.pk
    assert len(mail.outbox) == 1 and OutboxMail.objects.count() == 1


def test_a_change_rolled_back_queues_and_mails_nothing(commit):
    with pytest.raises(RuntimeError), commit(), transaction.atomic():
        mail_queue(message=message(), purpose="test", key="test:1")
        raise RuntimeError("the change failed")
    assert OutboxMail.objects.count() == 0 and mail.outbox == []


def test_a_temporary_failure_waits_longer_each_time_then_fails_for_good(commit, settings, caplog):
    settings.EMAIL_BACKEND = TEMPORARY
    settings.SAKRAD_OUTBOX_MAX_ATTEMPTS = 3
    queued = queue(commit)
    queued.refresh_from_db()
    assert queued.state == MailState.QUEUED and "421" in queued.error
    first_wait = queued.next_attempt_at - timezone.now()
    assert dt.timedelta(seconds=20) < first_wait <= backoff(attempts=1, first_seconds=30)
    deliver_all()
    queued.refresh_from_db()
    assert queued.next_attempt_at - timezone.now() > first_wait  # doubled
    with caplog.at_level(logging.ERROR, logger="outbox"):
        deliver_all()
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (MailState.FAILED, 3)
    assert "421" in queued.error
    [line] = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert "failed for good" in line and "Retry" in line
    assert mail.outbox == []


def test_a_permanent_refusal_fails_at_once_with_the_reason(commit, settings):
    settings.EMAIL_BACKEND = PERMANENT
    queued = queue(commit, to="finns.inte@framtid.se")
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (MailState.FAILED, 1)
    assert "550" in queued.error


def test_a_mail_whose_worker_died_mid_send_goes_again_after_the_claim_time(
    commit, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        queued = mail_queue(message=message(), purpose="test", key="test:1")
    # What a worker killed while the mail server had it leaves behind.
    OutboxMail.objects.filter(pk=queued.pk).update(
        state=MailState.SENDING, attempts=1, claimed_at=timezone.now() - dt.timedelta(seconds=5)
    )
    settings.SAKRAD_OUTBOX_CLAIM_SECONDS = 60
    with commit():
        assert mails_recover() == 0  # still within its claim: maybe a worker is sending it now
    settings.SAKRAD_OUTBOX_CLAIM_SECONDS = 1
    with commit():
        assert mails_recover() == 1
    queued.refresh_from_db()
    assert (queued.state, queued.attempts) == (MailState.SENT, 2)
    assert len(mail.outbox) == 1
    # The same Message-ID as a first try that reached the server would have had: shown once.
    assert mail.outbox[0].extra_headers["Message-ID"].startswith(f"<outbox-{queued.pk}.")


def test_a_mail_left_without_a_job_is_sent_by_the_sweep(commit, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):  # its job never runs
        queued = mail_queue(message=message(), purpose="test", key="test:1")
    OutboxMail.objects.filter(pk=queued.pk).update(created_at=timezone.now() - dt.timedelta(minutes=5))
    with commit():
        assert mails_recover() == 1
    assert len(mail.outbox) == 1


def test_a_hostile_subject_cannot_add_headers(commit):
    queued = queue(commit, subject="Hej\r\nBcc: alla@example.org")
    queued.refresh_from_db()
    assert queued.state == MailState.FAILED  # refused by the mail library, kept with its reason
    assert "newline" in queued.error.lower() or "header" in queued.error.lower()
    assert mail.outbox == []


def test_one_mail_failing_does_not_hold_up_the_next(commit, settings):
    settings.EMAIL_BACKEND = "tests.invitations.backends.RefusingBackend"
    refused = queue(commit, key="test:1", to="refuse@trasig.se")
    sent = queue(commit, key="test:2", to="kansli@framtid.se")
    refused.refresh_from_db()
    sent.refresh_from_db()
    assert (refused.state, sent.state) == (MailState.FAILED, MailState.SENT)


def test_the_job_worker_outlives_a_database_restart(monkeypatch, caplog):
    runs = []

    def run(self):
        runs.append(1)
        if len(runs) == 1:
            raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(Worker, "run", run)
    monkeypatch.setattr(jobs_worker.time, "sleep", lambda seconds: None)
    worker = jobs_worker.PatientWorker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=0.1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="w1",
    )
    with caplog.at_level(logging.WARNING, logger="outbox.worker"):
        worker.run()
    assert len(runs) == 2  # went on after the database came back, instead of exiting
    assert "the database is away" in caplog.text


def test_a_persons_mails_go_when_they_are_erased_and_every_mail_some_days_after_it_is_done(commit, settings):
    anna = queue(commit, key="test:1", to="Anna@framtid.se")
    other = queue(commit, key="test:2", to="kansli@framtid.se")
    assert mails_to_erase(email="anna@FRAMTID.se") == 1
    assert list(OutboxMail.objects.values_list("pk", flat=True)) == [other.pk]
    assert anna.pk not in OutboxMail.objects.values_list("pk", flat=True)

    settings.SAKRAD_OUTBOX_KEEP_DAYS = 90
    assert mails_prune() == 0
    OutboxMail.objects.update(created_at=timezone.now() - dt.timedelta(days=91))
    assert mails_prune() == 1 and not OutboxMail.objects.exists()


def test_two_long_keys_that_differ_only_at_the_end_are_two_mails(commit):
    stem = "minutes-published:1:" + "a" * 300
    first = queue(commit, key=stem + "@framtid.se")
    second = queue(commit, key=stem + "@stod.se")
    assert first.pk != second.pk and len(mail.outbox) == 2
    assert queue(commit, key=stem + "@stod.se").pk == second.pk  # and the same long key is one mail
