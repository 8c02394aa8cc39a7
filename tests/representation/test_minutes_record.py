"""Attendance as the published minutes record it: a meeting held before the site (no check-in, nobody
named, like the demo's 2024 one) counts the organisations its minutes list, not zero (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from invitations.models import InvitationStatus
from minutes.models import MinutesPage
from organisations.choices import County, OrganisationKind
from representation.figures import Counts
from representation.selectors import consultation_line, figures_for
from tests.factories import ConsultationPageFactory, MinutesPageFactory, OrganisationFactory
from tests.representation.conftest import invite

pytestmark = pytest.mark.django_db


@pytest.fixture
def recorded(index):
    """Held in 2021: three organisations accepted, nobody named or checked in; the minutes list two."""
    consultation = ConsultationPageFactory(parent=index, date=dt.date(2021, 5, 4))
    there = [
        OrganisationFactory(name="Förening i Stockholm", county=County.AB, kind=OrganisationKind.ASSOCIATION),
        OrganisationFactory(name="Kommun i Norrbotten", county=County.BD, kind=OrganisationKind.MUNICIPALITY),
    ]
    away = OrganisationFactory(
        name="Stiftelse i Stockholm", county=County.AB, kind=OrganisationKind.FOUNDATION
    )
    for organisation in [*there, away]:
        invite(consultation, organisation, InvitationStatus.ACCEPTED)
    minutes = MinutesPageFactory.build(title="Minnesanteckningar", slug="minnesanteckningar")
    minutes.participating_organisations = there
    consultation.add_child(instance=minutes)
    minutes.save_revision().publish()
    return consultation, minutes


def test_the_organisations_the_minutes_list_attended(recorded, organiser_client):
    consultation, _minutes = recorded
    figures = figures_for([consultation_line(consultation)])
    assert figures.total == Counts(invited=3, answered=3, attended=2)
    assert figures.cell(County.BD, OrganisationKind.MUNICIPALITY).attended == 1
    assert figures.cell(County.AB, OrganisationKind.FOUNDATION).attended == 0
    assert [code for code, _ in figures.never_attended_counties] == []

    content = organiser_client.get(reverse("representation_admin:year", args=[2021])).content.decode()
    assert "3 / 3 / 2" in content


def test_withdrawn_minutes_record_nothing(recorded):
    consultation, minutes = recorded
    MinutesPage.objects.get(pk=minutes.pk).unpublish()
    # Nobody was named or checked in: without the minutes, nobody is known to have come.
    assert figures_for([consultation_line(consultation)]).total.attended == 0
