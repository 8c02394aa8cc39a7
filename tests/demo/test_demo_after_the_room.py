"""What the demo shows of the room and after it, on one seeded demo: prioritising (a closed round in
2024 with its counts in the minutes, one open today), questions to the panel, the public register of
what happened next with its reminder, and attendance as the 2024 minutes record it. That a second
run changes none of it: test_seed_demo.py's snapshot."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import User
from consultations.models import ConsultationPage
from demo.content.sakrad_2024 import SAKRAD_2024
from demo.content.today import TODAY
from demo.outcomes import ORGANISER
from minutes.models import FollowUp, MinutesPage, Takeaway
from organisations.choices import County
from organisations.models import Organisation
from outcomes.models import Follower, StatusChange
from outcomes.services import takeaway_reminders_send
from panel_questions.models import PanelQuestion, QuestionQueue, QuestionStatus
from priorities.models import PriorityRound, PriorityVoter
from representation.figures import Counts
from representation.selectors import consultation_line, figures_for
from tests.priorities.conftest import logged_in, vote_url
from tests.utils import url_in

pytestmark = pytest.mark.django_db

PARTICIPANT = "deltagare1@example.org"


def test_a_closed_round_in_2024_and_one_open_today(seeded):
    past = PriorityRound.objects.get(consultation__title=SAKRAD_2024["title"])
    assert not past.is_open and past.ballots > 0
    minutes = MinutesPage.objects.live().child_of(past.consultation).get()
    votes = [takeaway.plenary_votes for takeaway in minutes.takeaways.all()]
    assert votes and all(count is not None for count in votes)
    assert sorted(option.votes for option in past.options.all()) == sorted(votes)
    participant = User.objects.get(email=PARTICIPANT)
    assert "votes at the plenary" in logged_in(participant).get(url_in(minutes, "en")).content.decode()

    live = PriorityRound.objects.get(consultation__title=TODAY["title"])
    assert live.is_open and live.options.exists()
    assert not PriorityVoter.objects.filter(round=live, user=participant).exists()
    page = logged_in(participant).get(vote_url(live.consultation))
    assert page.status_code == 200 and 'name="option"' in page.content.decode()


def test_questions_to_the_panel_closed_in_2024_and_a_queue_open_today(seeded):
    closed, live = QuestionQueue.objects.order_by("consultation__date")
    assert not closed.is_open and live.is_open
    past = PanelQuestion.objects.filter(consultation=closed.consultation)
    assert past.filter(status=QuestionStatus.FOLLOW_UP).count() == 1
    assert past.filter(status=QuestionStatus.ANSWERED).exclude(answer="").count() == 1
    approved = PanelQuestion.objects.filter(consultation=live.consultation, status=QuestionStatus.APPROVED)
    assert approved.count() == 3


def test_the_register_shows_the_2024_takeaways(seeded, client):
    page = client.get("/en" + reverse("outcomes:index") + "?year=2024").content.decode()
    assert "badge--answered" in page and "badge--in_progress" in page and "badge--open" in page
    assert "Enheten för arbetsmarknadspolitik" in page
    assert "https://www.regeringen.se/regeringsuppdrag/" in page
    assert "https://www.mucf.se/publikationer" in page
    assert {"follow_up", "decision", "report"} <= set(FollowUp.objects.values_list("kind", flat=True))
    assert StatusChange.objects.exists()
    assert Follower.objects.filter(confirmed_at__isnull=False).count() == 1


def test_the_reminder_has_something_to_say(seeded, django_capture_on_commit_callbacks):
    silent = Takeaway.objects.filter(status="open", follow_ups__isnull=True, page__slug="minnesanteckningar")
    assert silent.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert takeaway_reminders_send() >= 1
    assert any("Låt unga" in message.body for message in mail.outbox)


def test_the_2024_consultation_counts_who_took_part(seeded):
    """The 2024 minutes list the 28 organisations invited; two declined, and the minutes record the 26
    that took part. Before, the overview said nobody attended ("Deltog 0") in every county."""
    consultation = ConsultationPage.objects.get(title=SAKRAD_2024["title"])
    minutes = MinutesPage.objects.child_of(consultation).live().get()
    assert len(SAKRAD_2024["invited"]) == 28
    took_part = minutes.participating_organisations.count()
    assert took_part == 28 - len(SAKRAD_2024["declined"]) == 26
    figures = figures_for([consultation_line(consultation)])
    assert figures.total == Counts(invited=28, answered=28, attended=took_part)
    # Only a county whose every invited organisation declined can read "never attended".
    declined = Organisation.objects.filter(name__in=SAKRAD_2024["declined"])
    assert {code for code, _ in figures.never_attended_counties} <= {org.county for org in declined}
    assert figures.county_totals[County.AB].attended > 0
    organiser = Client()
    organiser.force_login(User.objects.get(email=ORGANISER))
    screen = reverse("representation_admin:consultation", args=[consultation.pk])
    assert "28 / 28 / 26" in organiser.get(screen).content.decode()
