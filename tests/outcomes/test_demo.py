"""The demo shows the register on the 2024 minutes (demo/outcomes.py): statuses, units, a follow-up, a
decision and a report with links, a confirmed follower, and a takeaway the reminder speaks of."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from minutes.models import FollowUp, Takeaway
from outcomes.models import Follower, StatusChange
from outcomes.services import takeaway_reminders_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())


def test_the_register_shows_the_2024_takeaways(seeded, client):
    page = client.get("/en" + reverse("outcomes:index") + "?year=2024").content.decode()
    assert "badge--answered" in page and "badge--in_progress" in page and "badge--open" in page
    assert "Enheten för arbetsmarknadspolitik" in page
    assert "https://www.regeringen.se/regeringsuppdrag/" in page
    assert "https://www.mucf.se/publikationer" in page
    assert {"follow_up", "decision", "report"} <= set(FollowUp.objects.values_list("kind", flat=True))
    assert StatusChange.objects.exists()
    assert Follower.objects.filter(confirmed_at__isnull=False).count() == 1


def test_seeding_twice_adds_nothing(seeded):
    counts = (FollowUp.objects.count(), StatusChange.objects.count(), Follower.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert (FollowUp.objects.count(), StatusChange.objects.count(), Follower.objects.count()) == counts


def test_the_reminder_has_something_to_say(seeded, django_capture_on_commit_callbacks):
    silent = Takeaway.objects.filter(status="open", follow_ups__isnull=True, page__slug="minnesanteckningar")
    assert silent.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert takeaway_reminders_send() >= 1
    assert any("Låt unga" in message.body for message in mail.outbox)
