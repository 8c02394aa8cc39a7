"""A held consultation with invitations (attendees with needs), two groups with closed notes, and
published minutes with takeaways and a follow-up; staff with and without rights on it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from breakouts.models import BreakoutGroup, NotePoint
from breakouts.services import breakout_group_create, group_member_add, note_taking_close, note_taking_open
from consultations.models import ConsultationPage
from invitations.models import Attendee, Invitation, InvitationStatus
from minutes.models import MinutesPage
from organisations.choices import County, OrganisationKind
from tests.factories import ConsultationPageFactory, OrganisationFactory, UserFactory
from tests.minutes.workflow_helpers import add_follow_up, draft_minutes, publish, staff

NEEDS = ("Teckenspråkstolk behövs", "Glutenfri kost", "Rullstolsplats nära scenen")


@dataclass
class Filed:
    consultation: ConsultationPage
    groups: list[BreakoutGroup]
    attendees: list[Attendee]
    members: list = field(default_factory=list)
    minutes: MinutesPage | None = None


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def read_zip(content: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zip_names(content: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.namelist()


def add_invitation(consultation, *, name, kind, county, status, people=(), checked_in=False):
    organisation = OrganisationFactory(name=name, kind=kind, county=county)
    invitation = Invitation.objects.create(
        consultation=consultation, organisation=organisation, status=status, answered_at=timezone.now()
    )
    attendees = []
    for number, (person, email, need) in enumerate(people):
        attendees.append(
            Attendee.objects.create(
                invitation=invitation,
                consultation=consultation,
                name=person,
                email=email,
                access_needs=["interpreter"],
                access_needs_other=need,
                dietary_needs=NEEDS[1],
                checked_in_at=timezone.now() if checked_in and number == 0 else None,
            )
        )
    return invitation, attendees


def add_groups(consultation, *, count: int, points_per_group: int, members=()) -> list[BreakoutGroup]:
    groups = [breakout_group_create(consultation=consultation, name=f"Grupp Väst {n}") for n in range(count)]
    for group, member in zip(groups, members, strict=False):
        group_member_add(group=group, person=member)
    note_taking_open(consultation=consultation)
    note_taking_close(consultation=consultation)
    for group in groups:
        for order in range(points_per_group):
            NotePoint.objects.create(
                group=group,
                question_number=1 + order % 2,
                order=order,
                text=f"{group.name}: punkt {order} om lokaler & <stöd>",
                takeaway=order == 0,
            )
    return groups


def make_filed(index, *, groups=2, points=3, invitations=2, minutes=True, tag="") -> Filed:
    consultation = ConsultationPageFactory(
        parent=index,
        title=f"Sakråd om föreningslivets lokaler {tag}".strip(),
        date=timezone.localdate() - dt.timedelta(days=10),
    )
    attendees = []
    for number in range(invitations):
        _invitation, people = add_invitation(
            consultation,
            name=f"Föreningen Ljusglimt {tag}{number}",
            kind=OrganisationKind.ASSOCIATION,
            county=County.AB,
            status=InvitationStatus.ACCEPTED,
            people=[(f"Anna Andersson{tag}{number}", f"anna{tag}{number}@ljusglimt.example.org", NEEDS[0])],
            checked_in=True,
        )
        attendees += people
    add_invitation(
        consultation,
        name=f"Stiftelsen Nej{tag}",
        kind=OrganisationKind.FOUNDATION,
        county=County.M,
        status=InvitationStatus.DECLINED,
    )
    members = [
        UserFactory(
            first_name="Maja", last_name=f"Medlemsson{tag}{n}", email=f"maja{tag}{n}@medlem.example.org"
        )
        for n in range(groups)
    ]
    group_list = add_groups(consultation, count=groups, points_per_group=points, members=members)
    page = None
    if minutes:
        page = draft_minutes(consultation, takeaways=("Lokaler på kvällstid", "Långsiktigt stöd"))
        publish(page)
        takeaway = MinutesPage.objects.get(pk=page.pk).takeaways.order_by("sort_order").first()
        page = add_follow_up(
            page,
            date=dt.date(2025, 2, 3),
            text="<p>Tre kommuner har <b>öppnat</b> skolor för föreningar.</p><ul><li>Umeå</li></ul>",
            answers=[takeaway],
        )
    return Filed(
        consultation=consultation, groups=group_list, attendees=attendees, members=members, minutes=page
    )


@pytest.fixture
def people(db):
    """The organiser and approver as the demo has them, plus staff without rights and a participant."""
    organiser, approver = staff()
    other_staff = UserFactory(email="annan@example.org", is_staff=True)
    other_staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    participant = UserFactory(email="deltagare@example.org")
    superuser = UserFactory(email="super@example.org", is_staff=True, is_superuser=True)
    return {
        "organiser": organiser,
        "approver": approver,
        "other_staff": other_staff,
        "participant": participant,
        "superuser": superuser,
    }


@pytest.fixture
def filed(index, people) -> Filed:
    return make_filed(index)


@pytest.fixture
def fake_pdf(monkeypatch):
    """Most tests need not wait for WeasyPrint: the PDF tests render the real thing."""
    monkeypatch.setattr(
        "records.services.archive_contents.minutes_pdfa", lambda page, details: b"%PDF-1.7 fake"
    )
