"""A compiled minutes draft of a held consultation, its attendees, and an open review of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from corrections.models import CorrectionRound
from corrections.passages import draft_passages
from corrections.services import correction_round_open
from minutes.models import MinutesPage
from minutes.services.compile import minutes_compile
from tests.minutes.conftest import Held, make_held


@dataclass
class Draft:
    held: Held
    minutes: MinutesPage

    @property
    def attendees(self):
        return self.held.members  # both checked in on the day

    def passage(self, label):
        latest = MinutesPage.objects.get(pk=self.minutes.pk).get_latest_revision_as_object()
        return next(passage for passage in draft_passages(latest) if passage.label == label)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def review_url(minutes) -> str:
    return reverse("corrections:review", args=[minutes.pk])


def admin_url(minutes, name="index") -> str:
    return reverse(f"corrections_admin:{name}", args=[minutes.pk])


@pytest.fixture
def draft(index, organiser) -> Draft:
    held = make_held(index)
    held.point(held.groups[0], "Fler mötesplatser på kvällstid", question=1, takeaway=True)
    held.point(held.groups[0], "Bidragen är för kortsiktiga", question=1)
    held.point(held.groups[1], "Enklare ansökningar till staten", question=2, takeaway=True)
    minutes = minutes_compile(consultation=held.consultation, user=organiser)
    return Draft(held=held, minutes=minutes)


def open_round(draft, organiser, *, days=7) -> CorrectionRound:
    return correction_round_open(
        minutes=draft.minutes, deadline=timezone.now() + dt.timedelta(days=days), user=organiser
    )


@pytest.fixture
def review(draft, organiser, django_capture_on_commit_callbacks) -> CorrectionRound:
    with django_capture_on_commit_callbacks(execute=True):
        return open_round(draft, organiser)
