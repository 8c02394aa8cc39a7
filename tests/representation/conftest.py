"""A known data set for the representation figures: three held consultations in 2020, seven
organisations across three counties (and one with none) and five kinds, with every kind of answer
and both ways of counting attendance. The expected figures are worked out by hand in `Known`."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from consultations.models import ConsultationPage
from invitations.models import Attendee, Invitation, InvitationStatus
from organisations.choices import County, OrganisationKind
from organisations.models import Organisation
from tests.factories import ConsultationPageFactory, OrganisationFactory, UserFactory

YEAR = 2020
ACCEPTED, DECLINED, WAITLISTED = (
    InvitationStatus.ACCEPTED,
    InvitationStatus.DECLINED,
    InvitationStatus.WAITLISTED,
)
SENT, NOT_SENT = InvitationStatus.SENT, InvitationStatus.NOT_SENT
_emails = itertools.count(1)


@dataclass
class Known:
    consultations: list[ConsultationPage]
    organisations: dict[str, Organisation]


def invite(consultation, organisation, status, *, named=False, checked_in=False) -> Invitation:
    invitation = Invitation.objects.create(
        consultation=consultation, organisation=organisation, status=status
    )
    if named or checked_in:
        Attendee.objects.create(
            invitation=invitation,
            consultation=consultation,
            name="Anna Andersson",
            email=f"person{next(_emails)}@example.org",
            checked_in_at=timezone.now() if checked_in else None,
        )
    return invitation


def make_known(index) -> Known:
    kind, county = OrganisationKind, County
    organisations = {
        name: OrganisationFactory(name=f"Organisation {name}", county=c, kind=k)
        for name, c, k in [
            ("A", county.AB, kind.ASSOCIATION),
            ("B", county.AB, kind.ASSOCIATION),
            ("C", county.AB, kind.MUNICIPALITY),
            ("D", county.M, kind.ASSOCIATION),
            ("E", county.M, kind.FOUNDATION),
            ("F", county.BD, kind.REGION),
            ("G", "", kind.AGENCY),
        ]
    }
    o = organisations
    spring, summer, autumn = (
        ConsultationPageFactory(parent=index, title=title, date=date)
        for title, date in [
            ("Sakråd i mars", dt.date(YEAR, 3, 10)),
            ("Sakråd i juni", dt.date(YEAR, 6, 1)),
            ("Sakråd i november", dt.date(YEAR, 11, 20)),
        ]
    )
    # Spring: check-in taken, so only those checked in attended; C's invitation was never sent.
    invite(spring, o["A"], ACCEPTED, checked_in=True)
    invite(spring, o["B"], ACCEPTED, named=True)
    invite(spring, o["D"], DECLINED)
    invite(spring, o["F"], SENT)
    invite(spring, o["C"], NOT_SENT)
    # Summer: nobody checked in, so accepted with someone named counts as attended.
    invite(summer, o["A"], ACCEPTED, named=True)
    invite(summer, o["C"], ACCEPTED, named=True)
    invite(summer, o["E"], WAITLISTED, named=True)
    invite(summer, o["G"], ACCEPTED)
    # Autumn: check-in taken.
    invite(autumn, o["D"], ACCEPTED, checked_in=True)
    invite(autumn, o["F"], SENT)
    invite(autumn, o["B"], DECLINED)
    return Known(consultations=[spring, summer, autumn], organisations=organisations)


@pytest.fixture
def known(index) -> Known:
    return make_known(index)


@pytest.fixture
def staff(index):
    from tests.minutes.workflow_helpers import staff as demo_staff

    organiser, approver = demo_staff()
    superuser = User.objects.create_superuser(email="admin@regeringskansliet.se", password=None)
    return {"organiser": organiser, "approver": approver, "superuser": superuser}


@pytest.fixture
def organiser_client(staff) -> Client:
    client = Client()
    client.force_login(staff["organiser"])
    return client


@pytest.fixture
def participant(known) -> User:
    """Someone named on an accepted invitation to the spring consultation, with an account."""
    user = UserFactory(organisation=known.organisations["A"])
    attendee = Attendee.objects.filter(consultation=known.consultations[0]).first()
    attendee.user = user
    attendee.save(update_fields=["user"])
    return user
