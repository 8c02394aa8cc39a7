"""A held consultation with an agenda, questions, groups of named participants and closed notes: what
the compile step reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from django.utils import timezone

from breakouts.models import BreakoutGroup, NotePoint
from breakouts.services import breakout_group_create, group_member_add, note_taking_close, note_taking_open
from consultations.models import ConsultationPage
from invitations.models import Attendee, Invitation, InvitationStatus
from organisations.models import Organisation
from tests.factories import (
    ConsultationPageFactory,
    DiscussionQuestionFactory,
    OrganisationFactory,
    PersonFactory,
    UserFactory,
    agenda_item,
)


@dataclass
class Held:
    consultation: ConsultationPage
    groups: list[BreakoutGroup]
    attended: list[Organisation]  # checked in
    absent: list[Organisation]  # accepted, named someone, nobody checked in
    declined: Organisation
    members: list = field(default_factory=list)
    speakers: list = field(default_factory=list)

    def point(self, group, text, *, question=1, takeaway=False, order=None) -> NotePoint:
        if order is None:
            order = NotePoint.objects.filter(group=group).count()
        return NotePoint.objects.create(
            group=group, question_number=question, text=text, takeaway=takeaway, order=order
        )


def invite(consultation, organisation, *, status=InvitationStatus.ACCEPTED, checked_in=False, user=None):
    invitation, _ = Invitation.objects.get_or_create(
        consultation=consultation, organisation=organisation, defaults={"status": status}
    )
    user = user or UserFactory(organisation=organisation)
    Attendee.objects.create(
        invitation=invitation,
        consultation=consultation,
        name=f"{user.first_name} {user.last_name}".strip() or user.email,
        email=user.email,
        user=user,
        checked_in_at=timezone.now() if checked_in else None,
    )
    return user


def make_held(index, *, closed=True, date=None) -> Held:
    opener = PersonFactory(name="Statssekreterare Stina Öppnare", organisation__name="Departementet")
    keynote = PersonFactory(name="Forskare Fredrik Föreläsare", organisation__name="Forskningsinstitutet")
    consultation = ConsultationPageFactory(
        parent=index,
        title="Sakråd om unga och föreningsliv",
        ministry="Kulturdepartementet",
        unit="Enheten för civila samhället",
        date=date or timezone.localdate() - dt.timedelta(days=3),
        questions=[
            DiscussionQuestionFactory.build(
                number=1, text="Hur når vi fler unga?", subs=("Vilka hinder finns?", "Vad fungerar?")
            ),
            DiscussionQuestionFactory.build(number=2, text="Vad behöver föreningarna av staten?"),
        ],
        agenda=[
            agenda_item(dt.time(9, 30), "Inledning", speakers=[opener], description="Välkommen & syfte"),
            agenda_item(dt.time(10, 0), "Kaffe"),
            agenda_item(dt.time(10, 15), "Vad säger forskningen?", speakers=[keynote]),
        ],
    )
    attended = [
        OrganisationFactory(name="Ungdomsförbundet Norrsken"),
        OrganisationFactory(name="Föreningen Bryggan"),
    ]
    absent = [OrganisationFactory(name="Riksförbundet Frånvaro")]
    declined = OrganisationFactory(name="Nej Tack-förbundet")
    members = []
    for number, organisation in enumerate(attended, start=1):
        user = UserFactory(
            organisation=organisation,
            first_name=f"Maja{number}",
            last_name=f"Medlemsson{number}",
            email=f"maja{number}.medlem@norrsken.example.org",
        )
        invite(consultation, organisation, checked_in=True, user=user)
        members.append(user)
    invite(consultation, absent[0])
    invite(consultation, declined, status=InvitationStatus.DECLINED)

    groups = [
        breakout_group_create(consultation=consultation, name="Grupp Vättern"),
        breakout_group_create(consultation=consultation, name="Grupp Mälaren"),
    ]
    for group, member in zip(groups, members, strict=True):
        group_member_add(group=group, person=member)
    note_taking_open(consultation=consultation)
    if closed:
        note_taking_close(consultation=consultation)
    return Held(
        consultation=consultation,
        groups=groups,
        attended=attended,
        absent=absent,
        declined=declined,
        members=members,
        speakers=[opener, keynote],
    )


@pytest.fixture
def held(index) -> Held:
    return make_held(index)
