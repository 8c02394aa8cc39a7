"""The year's overview takes the same number of queries for 2 consultations as for 20 with 600
invitations."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from invitations.models import Attendee, Invitation, InvitationStatus
from organisations.choices import County, OrganisationKind
from organisations.models import Organisation
from tests.factories import ConsultationPageFactory

pytestmark = pytest.mark.django_db

STATUSES = [
    InvitationStatus.SENT,
    InvitationStatus.ACCEPTED,
    InvitationStatus.DECLINED,
    InvitationStatus.WAITLISTED,
]


def make_year(index, year: int, *, consultations: int, invitations_each: int) -> None:
    counties, kinds = County.values, OrganisationKind.values
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Org {year}-{n}", county=counties[n % len(counties)], kind=kinds[n % len(kinds)])
        for n in range(invitations_each)
    )
    for number in range(consultations):
        page = ConsultationPageFactory(
            parent=index, title=f"Sakråd {year} nr {number}", date=dt.date(year, 1 + number % 12, 10)
        )
        invitations = Invitation.objects.bulk_create(
            Invitation(consultation=page, organisation=organisation, status=STATUSES[n % len(STATUSES)])
            for n, organisation in enumerate(organisations)
        )
        Attendee.objects.bulk_create(
            Attendee(
                invitation=invitation,
                consultation=page,
                name="Anna",
                email=f"a{n}@c{page.pk}.example.org",
                checked_in_at=timezone.now() if number % 2 and n % 3 == 0 else None,
            )
            for n, invitation in enumerate(invitations)
            if invitation.status == InvitationStatus.ACCEPTED
        )


# Session, user, two permission lookups and the admin profile; then ours: the consultations and the
# invitation rows; the page adds the admin's menus and breadcrumbs (five), and the year's evaluations
# (evaluations.selectors.year_summary: one, and one more for the averages once any was sent).
CSV_QUERIES = 7
PAGE_QUERIES = 13


def test_the_year_page_takes_a_fixed_number_of_queries(index, organiser_client, django_assert_num_queries):
    make_year(index, 2019, consultations=2, invitations_each=5)
    make_year(index, 2021, consultations=20, invitations_each=30)
    assert Invitation.objects.filter(consultation__date__year=2021).count() == 600
    organiser_client.get(reverse("representation_admin:year", args=[2019]))  # the admin warms its caches

    for year in (2019, 2021):
        with django_assert_num_queries(PAGE_QUERIES):
            response = organiser_client.get(reverse("representation_admin:year", args=[year]))
        assert response.status_code == 200
        with django_assert_num_queries(CSV_QUERIES):
            assert (
                organiser_client.get(reverse("representation_admin:year_csv", args=[year])).status_code == 200
            )
    assert response.context["figures"].total.invited == 30
    assert len(response.context["consultations"]) == 20
