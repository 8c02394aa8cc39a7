"""The demo shows prioritising: a closed round in 2024 with its counts in the minutes, and a round open
today on the live consultation that the demo participants may still vote in."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from accounts.models import User
from demo.content.sakrad_2024 import SAKRAD_2024
from demo.content.today import TODAY
from minutes.models import MinutesPage
from priorities.models import PriorityRound, PriorityVoter

from .conftest import logged_in, vote_url


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())


def test_the_demo_has_a_closed_round_in_2024_and_an_open_one_today(seeded):
    past = PriorityRound.objects.get(consultation__title=SAKRAD_2024["title"])
    assert not past.is_open and past.ballots > 0
    minutes = MinutesPage.objects.live().child_of(past.consultation).get()
    votes = [takeaway.plenary_votes for takeaway in minutes.takeaways.all()]
    assert votes and all(count is not None for count in votes)
    assert sorted(option.votes for option in past.options.all()) == sorted(votes)
    html = logged_in(User.objects.get(email="deltagare1@example.org")).get(minutes.url).content.decode()
    assert "votes at the plenary" in html

    live = PriorityRound.objects.get(consultation__title=TODAY["title"])
    assert live.is_open and live.options.exists()
    participant = User.objects.get(email="deltagare1@example.org")
    assert not PriorityVoter.objects.filter(round=live, user=participant).exists()
    page = logged_in(participant).get(vote_url(live.consultation))
    assert page.status_code == 200 and 'name="option"' in page.content.decode()


def test_a_second_run_leaves_the_rounds_as_they_are(seeded):
    before = list(PriorityRound.objects.values_list("pk", "ballots", "closed_at"))
    call_command("seed_demo", stdout=StringIO())
    assert list(PriorityRound.objects.values_list("pk", "ballots", "closed_at")) == before
