"""A consultation on the day: two groups with takeaways on the wall, attendees (checked in, remote, a
group member without an invitation of their own), someone not there, and the staff."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from breakouts.services import group_member_add
from invitations.models import InvitationStatus
from priorities.models import PriorityRound
from priorities.services import priority_round_start
from tests.factories import OrganisationFactory, UserFactory
from tests.minutes.conftest import Held, invite, make_held
from tests.minutes.workflow_helpers import staff


@dataclass
class Day:
    held: Held
    organiser: object
    approver: object
    remote: object  # named on an accepted invitation, never checked in: taking part remotely
    member_only: object  # in a group, on no Attendee row
    stranger: object  # logged in, not at this consultation
    declined: object  # named for an organisation that declined

    @property
    def consultation(self):
        return self.held.consultation

    @property
    def voters(self) -> list:
        return [*self.held.members, self.remote, self.member_only]

    def start(self, votes=3) -> PriorityRound:
        return priority_round_start(
            consultation=self.consultation, user=self.organiser, votes_per_person=votes
        )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def vote_url(consultation) -> str:
    return reverse("priorities:vote", args=[consultation.pk])


def wall_url(consultation) -> str:
    return reverse("breakouts:plenary", args=[consultation.pk])


@pytest.fixture
def day(index) -> Day:
    held = make_held(index)
    first, second = held.groups
    held.point(first, "Fler mötesplatser på kvällstid", question=1, takeaway=True)
    held.point(first, "Bidragen är för kortsiktiga", question=1)  # a point, not a takeaway
    held.point(first, "Fleråriga bidrag", question=2, takeaway=True)
    held.point(second, "Enklare ansökningar", question=2, takeaway=True)
    organiser, approver = staff()
    remote = invite(held.consultation, held.attended[0])  # accepted, never checked in
    member_only = UserFactory(organisation=held.attended[1])
    group_member_add(group=second, person=member_only)
    declined = invite(held.consultation, OrganisationFactory(), status=InvitationStatus.DECLINED)
    return Day(
        held=held,
        organiser=organiser,
        approver=approver,
        remote=remote,
        member_only=member_only,
        stranger=UserFactory(),
        declined=declined,
    )


@pytest.fixture(autouse=True)
def _default_language():
    """These tests read the public pages in English (under /en/) and the admin in Swedish, its default.
    Not by LANGUAGE_CODE: Django's URL resolver keeps the prefixes it first saw. tests/i18n checks
    both languages of every page; the journeys use both."""
    with translation.override("en"):
        yield
