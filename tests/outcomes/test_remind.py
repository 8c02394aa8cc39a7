"""Staff are reminded of a takeaway with no response for SAKRAD_OUTCOMES_REMINDER_WEEKS weeks, once per
period, by `manage.py outcomes_remind`; the organisers of its consultation who may follow up."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from minutes.models import MinutesPage
from minutes.models.takeaway import TakeawayStatus
from minutes.services.follow_up import follow_up_add, takeaway_statuses_set
from outcomes.log_actions import OUTCOMES_REMINDER
from outcomes.services import takeaway_reminders_send
from tests.minutes.workflow_helpers import draft_minutes, held_consultation
from tests.outcomes.helpers import published_minutes, takeaways_of

pytestmark = pytest.mark.django_db

TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def minutes(index, organiser, approver):
    page = published_minutes(
        index, title="Sakråd om fritid", takeaways=("Öppna skolgårdarna", "Fler mentorer")
    )
    consultation = page.get_parent().specific
    consultation.owner = organiser
    consultation.save()
    published = timezone.make_aware(dt.datetime(2025, 1, 1, 10, 0))
    MinutesPage.objects.filter(pk=page.pk).update(first_published_at=published)
    return MinutesPage.objects.get(pk=page.pk)


def send(today, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return takeaway_reminders_send(today=today)


def test_a_silent_takeaway_is_reminded_once_per_period(
    minutes, organiser, approver, django_capture_on_commit_callbacks
):
    early = dt.date(2025, 1, 1) + dt.timedelta(weeks=12) - dt.timedelta(days=1)
    assert send(early, django_capture_on_commit_callbacks) == 0 and mail.outbox == []
    assert send(TODAY, django_capture_on_commit_callbacks) == 2
    [message] = mail.outbox  # one mail for the consultation, listing both
    assert message.to == [organiser.email]  # the approver is no organiser of it
    assert "Öppna skolgårdarna" in message.body and "Fler mentorer" in message.body
    assert f"/admin/uppfoljning/{minutes.pk}/" in message.body
    assert PageLogEntry.objects.filter(page=minutes, action=OUTCOMES_REMINDER).count() == 1
    mail.outbox.clear()
    assert send(TODAY, django_capture_on_commit_callbacks) == 0  # run again the same day
    assert send(TODAY + dt.timedelta(weeks=1), django_capture_on_commit_callbacks) == 0  # same period
    assert mail.outbox == []
    assert (
        send(dt.date(2025, 1, 1) + dt.timedelta(weeks=24), django_capture_on_commit_callbacks) == 2
    )  # next period


def test_a_response_restarts_the_count_and_an_answer_ends_it(
    minutes, organiser, django_capture_on_commit_callbacks
):
    first, second = takeaways_of(minutes)
    follow_up_add(
        minutes=minutes,
        date=dt.date(2025, 5, 1),
        text="<p>Vi jobbar.</p>",
        answers=[first],
        answers_status=TakeawayStatus.IN_PROGRESS,
        user=organiser,
    )
    takeaway_statuses_set(minutes=minutes, statuses={second.pk: TakeawayStatus.ANSWERED}, user=organiser)
    assert send(TODAY, django_capture_on_commit_callbacks) == 0
    assert send(dt.date(2025, 5, 1) + dt.timedelta(weeks=12), django_capture_on_commit_callbacks) == 1
    assert "Öppna skolgårdarna" in mail.outbox[0].body and "Fler mentorer" not in mail.outbox[0].body


def test_the_threshold_is_a_setting(minutes, settings, django_capture_on_commit_callbacks):
    settings.SAKRAD_OUTCOMES_REMINDER_WEEKS = 4
    assert send(dt.date(2025, 1, 1) + dt.timedelta(weeks=4), django_capture_on_commit_callbacks) == 2


def test_the_command_reminds_and_prunes(minutes, django_capture_on_commit_callbacks, capsys):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("outcomes_remind")
    assert "Reminded of 2 takeaways" in capsys.readouterr().out
    assert len(mail.outbox) == 1


def test_draft_minutes_are_not_reminded(index, organiser, django_capture_on_commit_callbacks):
    draft_minutes(held_consultation(index, title="Utkast"), takeaways=("Ett",))
    assert send(TODAY, django_capture_on_commit_callbacks) == 0
