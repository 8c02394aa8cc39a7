"""A consultation held three days ago with its attendees, its organiser and approver, and helpers that
send the evaluation through the outbox and read the links out of the mails, as an attendee would."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from consultations.models import ConsultationPage
from evaluations.services import evaluation_send
from invitations.models import Attendee, InvitationStatus
from tests.factories import ConsultationPageFactory
from tests.minutes.workflow_helpers import attendee
from tests.outbox.helpers import deliver_all

LINK = re.compile(r"https?://[^\s\"<>]*/utvardering/(\d+)/([A-Za-z0-9_-]{43})/")


@dataclass
class Held:
    consultation: ConsultationPage
    checked_in: list[Attendee]
    remote: Attendee  # on an accepted invitation, not checked in
    declined: Attendee


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_held(index, *, title="Sakråd om föreningslivets villkor", days_ago=3) -> Held:
    consultation = ConsultationPageFactory(
        parent=index, title=title, date=timezone.localdate() - dt.timedelta(days=days_ago)
    )
    slug = consultation.slug
    checked_in = [
        attendee(
            consultation, f"deltagare{number}.{slug}@example.org", checked_in=True, name=f"Deltagare {number}"
        )
        for number in range(1, 5)
    ]
    remote = attendee(consultation, f"distans.{slug}@example.org", name="Distans Deltagare")
    declined = attendee(consultation, f"nej.{slug}@example.org", status=InvitationStatus.DECLINED)
    return Held(consultation=consultation, checked_in=checked_in, remote=remote, declined=declined)


@pytest.fixture
def held(index) -> Held:
    return make_held(index)


@pytest.fixture
def upcoming(index) -> ConsultationPage:
    return ConsultationPageFactory(
        parent=index, title="Kommande sakråd", date=timezone.localdate() + dt.timedelta(days=20)
    )


def closes_in(days: int = 14) -> dt.datetime:
    return timezone.now() + dt.timedelta(days=days)


def links_in(mails) -> dict[str, tuple[int, str]]:
    """Each recipient's link in the mails (the latest one wins): (consultation id, token)."""
    found = {}
    for mail in mails:
        match = LINK.search(mail.body)
        if match:
            found[mail.to[0]] = (int(match.group(1)), match.group(2))
    return found


def send(consultation, user, mailoutbox, **options) -> dict[str, tuple[int, str]]:
    """Sends the evaluation, lets the outbox deliver it, and returns the links each address got."""
    before = len(mailoutbox)
    evaluation_send(
        user=user, consultation=consultation, closes_at=options.pop("closes_at", closes_in()), **options
    )
    deliver_all()
    return links_in(mailoutbox[before:])


def answer_url(link: tuple[int, str], language: str = "sv") -> str:
    with translation.override(language):
        return reverse("evaluations:answer", args=list(link))


def answer_data(**overrides) -> dict:
    data = {
        "could_say": "4",
        "material_in_time": "2",
        "material_accessible": "dont-know",
        "would_return": "5",
        "comment": "",
    }
    data.update(overrides)
    return data


@pytest.fixture(autouse=True)
def _default_language():
    """These tests read the public pages in English (under /en/) and the admin in Swedish, its default.
    Not by LANGUAGE_CODE: Django's URL resolver keeps the prefixes it first saw. tests/i18n checks
    both languages of every page; the journeys use both."""
    with translation.override("en"):
        yield
