"""A live consultation today, its attendees (named, checked in or remote, and a group member), an
outsider, an organiser, and the questions open."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from breakouts.services import breakout_group_create, group_member_add
from invitations.models import Attendee, Invitation, InvitationStatus
from panel_questions.models import PanelQuestion, QuestionStatus
from panel_questions.services import panel_queue_open
from tests.factories import ConsultationPageFactory, OrganisationFactory, UserFactory

SCRIPT = '<script>alert("panel")</script><img src=x onerror="x()">'


@dataclass
class Room:
    consultation: object
    organiser: object
    asker: object  # named, checked in
    remote: object  # named, not checked in (taking part remotely)
    member: object  # in a breakout group only
    outsider: object  # invited to nothing here
    attendees: list


def attend(consultation, invitation, user, *, checked_in=True):
    return Attendee.objects.create(
        invitation=invitation,
        consultation=consultation,
        name=user.get_full_name() or user.email,
        email=user.email,
        user=user,
        checked_in_at=timezone.now() if checked_in else None,
    )


@pytest.fixture
def room(index, organiser) -> Room:
    consultation = ConsultationPageFactory(parent=index, title="Sakråd om unga", date=timezone.localdate())
    organisation = OrganisationFactory(name="Föreningen Framtid")
    invitation = Invitation.objects.create(
        consultation=consultation, organisation=organisation, status=InvitationStatus.ACCEPTED
    )
    asker = UserFactory(
        email="asa@example.org", first_name="Åsa", last_name="Frågvis", organisation=organisation
    )
    remote = UserFactory(
        email="rut@example.org", first_name="Rut", last_name="Distans", organisation=organisation
    )
    member = UserFactory(email="mio@example.org", first_name="Mio", last_name="Gruppsson")
    outsider = UserFactory(email="ute@example.org", first_name="Uno", last_name="Utanför")
    attend(consultation, invitation, asker)
    attend(consultation, invitation, remote, checked_in=False)
    group = breakout_group_create(consultation=consultation, name="Grupp 1")
    group_member_add(group=group, person=member)
    others = []
    for number in range(4):
        person = UserFactory(
            email=f"deltagare{number}@example.org", first_name=f"Del{number}", last_name="Tagare"
        )
        attend(consultation, invitation, person)
        others.append(person)
    panel_queue_open(consultation=consultation, user=organiser)
    return Room(consultation, organiser, asker, remote, member, outsider, [asker, remote, member, *others])


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def phone_url(consultation) -> str:
    return reverse("panel_questions:phone", args=[consultation.pk])


def support_url(consultation) -> str:
    return reverse("panel_questions:support", args=[consultation.pk])


def question(consultation, text="Hur ska bidragen bli fleråriga?", status=QuestionStatus.APPROVED, **fields):
    return PanelQuestion.objects.create(consultation=consultation, text=text, status=status, **fields)


@pytest.fixture(autouse=True)
def _default_language():
    """These tests read the public pages in English (under /en/) and the admin in Swedish, its default.
    Not by LANGUAGE_CODE: Django's URL resolver keeps the prefixes it first saw. tests/i18n checks
    both languages of every page; the journeys use both."""
    with translation.override("en"):
        yield
