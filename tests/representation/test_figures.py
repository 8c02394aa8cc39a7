"""The figures on the known data set (see conftest.py): every cell, total and never-reached list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from invitations.models import InvitationStatus
from organisations.choices import County, OrganisationKind
from representation.figures import NO_COUNTY, Counts
from representation.selectors import (
    consultation_line,
    consultations_in_year,
    figures_for,
    years_with_consultations,
)
from tests.factories import ConsultationPageFactory, OrganisationFactory
from tests.representation.conftest import YEAR, invite

pytestmark = pytest.mark.django_db

K, C = OrganisationKind, County

EXPECTED_CELLS = {
    (C.AB, K.ASSOCIATION): Counts(2, 2, 1),  # A attended in spring and summer; B only answered
    (C.AB, K.MUNICIPALITY): Counts(1, 1, 1),  # C: not sent in spring, came in summer
    (C.M, K.ASSOCIATION): Counts(1, 1, 1),  # D declined in spring, checked in in autumn
    (C.M, K.FOUNDATION): Counts(1, 1, 0),  # E waitlisted
    (C.BD, K.REGION): Counts(1, 0, 0),  # F never answered
    (NO_COUNTY, K.AGENCY): Counts(1, 1, 0),  # G accepted but named nobody
}


def year_figures():
    return figures_for(consultations_in_year(YEAR))


def test_every_cell_of_the_year(known):
    figures = year_figures()
    for county, _label in figures.counties:
        for kind, _kind_label in figures.kinds:
            assert figures.cell(county, kind) == EXPECTED_CELLS.get((county, kind), Counts()), (county, kind)


def test_totals_per_county_per_kind_and_overall(known):
    figures = year_figures()
    assert figures.county_totals[C.AB] == Counts(3, 3, 2)
    assert figures.county_totals[C.M] == Counts(2, 2, 1)
    assert figures.county_totals[C.BD] == Counts(1, 0, 0)
    assert figures.county_totals[NO_COUNTY] == Counts(1, 1, 0)
    assert figures.county_totals[C.O] == Counts()
    assert figures.kind_totals == {
        K.ASSOCIATION: Counts(3, 3, 2),
        K.FOUNDATION: Counts(1, 1, 0),
        K.MUNICIPALITY: Counts(1, 1, 1),
        K.REGION: Counts(1, 0, 0),
        K.AGENCY: Counts(1, 1, 0),
        K.OTHER: Counts(),
    }
    assert figures.total == Counts(7, 6, 3)  # each organisation once, however many invitations


def test_never_reached(known):
    figures = year_figures()
    reached = {C.AB, C.M, C.BD}
    assert [code for code, _ in figures.never_invited_counties] == [c for c in C.values if c not in reached]
    assert [code for code, _ in figures.never_attended_counties] == [C.BD]
    assert [code for code, _ in figures.never_invited_kinds] == [K.OTHER]
    assert [code for code, _ in figures.never_attended_kinds] == [K.FOUNDATION, K.REGION, K.AGENCY]


def test_the_row_without_a_county_is_shown_only_when_needed(known):
    assert year_figures().counties[-1][0] == NO_COUNTY
    spring = known.consultations[0]
    assert NO_COUNTY not in [code for code, _ in figures_for([consultation_line(spring)]).counties]
    assert len(figures_for([consultation_line(spring)]).counties) == len(C.choices)


def test_per_consultation(known):
    spring, summer, autumn = known.consultations
    assert year_figures().by_consultation == {
        spring.pk: Counts(4, 3, 1),  # checked in: only A; C's invitation was never sent
        summer.pk: Counts(4, 4, 2),  # no check-in: A and C accepted and named someone
        autumn.pk: Counts(3, 2, 1),
    }
    figures = figures_for([consultation_line(spring)])
    assert figures.cell(C.AB, K.MUNICIPALITY) == Counts()  # not sent is not invited
    assert figures.cell(C.AB, K.ASSOCIATION) == Counts(2, 2, 1)  # B named someone but was not checked in
    assert figures.total == Counts(4, 3, 1)


def test_a_consultation_not_yet_held_has_no_attendance(index):
    organisation = OrganisationFactory(county=C.AB, kind=K.ASSOCIATION)
    coming = ConsultationPageFactory(parent=index, date=timezone.localdate() + dt.timedelta(days=30))
    invite(coming, organisation, InvitationStatus.ACCEPTED, named=True)
    figures = figures_for([consultation_line(coming)])
    assert figures.total == Counts(1, 1, 0)
    # Nobody can have come yet: invited, but not "never attended".
    assert (figures.never_attended_counties, figures.never_attended_kinds) == ([], [])


def test_a_year_without_consultations_is_empty(known):
    figures = figures_for(consultations_in_year(YEAR + 1))
    assert figures.total == Counts() and len(figures.never_invited_counties) == len(C.choices)


def test_years_and_the_queries_they_take(known, django_assert_num_queries):
    assert (YEAR, 3) in years_with_consultations()
    with django_assert_num_queries(1):
        consultations = consultations_in_year(YEAR)
    with django_assert_num_queries(1):
        figures_for(consultations)
