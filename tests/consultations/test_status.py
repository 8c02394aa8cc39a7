"""A consultation's status is derived, never typed in; Python (one page) and SQL (lists) agree."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from wagtail.models import PageViewRestriction

from consultations.models import ConsultationPage
from consultations.status import ConsultationStatus, status_for
from tests.conftest import FIXED_NOW
from tests.factories import ConsultationPageFactory, MinutesPageFactory
from tests.utils import card_titles

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)
TODAY = FIXED_NOW.date()


@dataclass(frozen=True)
class Case:
    id: str
    expected: ConsultationStatus
    day: int  # days from today
    start: dt.time = dt.time(9, 30)
    end: dt.time = dt.time(12, 0)
    opens: dt.timedelta | None = None  # registration opens, relative to now
    deadline: dt.timedelta | None = None  # RSVP deadline, relative to now
    # "live", "draft", "withdrawn" (published, then unpublished) or "private" (live, logged-in only)
    minutes: str | None = None


S = ConsultationStatus
CASES = [
    Case("future-no-registration", S.PLANNED, day=30),
    Case("registration-not-yet-open", S.PLANNED, day=30, opens=DAY, deadline=20 * DAY),
    Case("registration-open", S.REGISTRATION_OPEN, day=30, opens=-DAY, deadline=10 * DAY),
    Case("registration-opens-this-instant", S.REGISTRATION_OPEN, day=30, opens=dt.timedelta(0), deadline=DAY),
    Case("registration-open-without-deadline", S.REGISTRATION_OPEN, day=30, opens=-DAY),
    Case("deadline-passed", S.REGISTRATION_CLOSED, day=5, opens=-10 * DAY, deadline=-HOUR),
    Case("deadline-this-instant", S.REGISTRATION_CLOSED, day=5, opens=-10 * DAY, deadline=dt.timedelta(0)),
    Case(
        "later-today-deadline-passed",
        S.REGISTRATION_CLOSED,
        day=0,
        start=dt.time(15, 0),
        end=dt.time(17, 0),
        opens=-10 * DAY,
        deadline=-5 * HOUR,
    ),
    Case("under-way-today", S.PLANNED, day=0, start=dt.time(13, 0), end=dt.time(16, 0)),
    Case("ended-earlier-today", S.HELD, day=0, start=dt.time(9, 0), end=dt.time(12, 0)),
    Case("ends-this-instant", S.HELD, day=0, start=dt.time(10, 0), end=FIXED_NOW.time()),
    Case("held-yesterday", S.HELD, day=-1),
    Case("held-after-registration-closed", S.HELD, day=-1, opens=-20 * DAY, deadline=-5 * DAY),
    Case("held-minutes-in-draft", S.HELD, day=-10, minutes="draft"),
    Case("held-minutes-withdrawn", S.HELD, day=-10, minutes="withdrawn"),
    Case("held-minutes-for-logged-in-only", S.HELD, day=-10, minutes="private"),
    Case("minutes-published", S.MINUTES_PUBLISHED, day=-30, minutes="live"),
    Case("minutes-published-last-year", S.MINUTES_PUBLISHED, day=-300, opens=-320 * DAY, minutes="live"),
]


def _build(case: Case, index) -> ConsultationPage:
    page = ConsultationPageFactory(
        parent=index,
        title=f"Sakråd {case.id}",
        date=TODAY + case.day * DAY,
        start_time=case.start,
        end_time=case.end,
        registration_opens=None if case.opens is None else FIXED_NOW + case.opens,
        rsvp_deadline=None if case.deadline is None else FIXED_NOW + case.deadline,
    )
    if case.minutes:
        minutes = MinutesPageFactory(parent=page, publish=case.minutes != "draft")
        if case.minutes == "withdrawn":
            minutes.unpublish()
        if case.minutes == "private":
            PageViewRestriction.objects.create(page=minutes, restriction_type=PageViewRestriction.LOGIN)
    return page


def _sql_status(page: ConsultationPage, now=None) -> str:
    return ConsultationPage.objects.with_status(now).get(pk=page.pk).computed_status


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_python_and_sql_derive_the_same_status(case, index, now):
    page = _build(case, index)
    fresh = ConsultationPage.objects.get(pk=page.pk)  # no annotation: the Python rules

    assert fresh.status == case.expected
    assert (
        status_for(
            date=page.date,
            end_time=page.end_time,
            registration_opens=page.registration_opens,
            rsvp_deadline=page.rsvp_deadline,
            has_published_minutes=case.minutes == "live",
            now=FIXED_NOW,
        )
        == case.expected
    )
    assert _sql_status(page) == case.expected
    assert _sql_status(page, now=FIXED_NOW) == case.expected
    annotated = ConsultationPage.objects.with_status().get(pk=page.pk)
    assert annotated.status == fresh.status


def test_the_index_filter_lists_exactly_the_pages_with_that_status(index, client, now):
    """All cases side by side: ?status=X shows precisely the pages whose own status is X."""
    pages = [_build(case, index) for case in CASES]
    python_status = {page.title: ConsultationPage.objects.get(pk=page.pk).status for page in pages}
    listed = dict(ConsultationPage.objects.for_listing().values_list("title", "computed_status"))
    assert listed == {title: status.value for title, status in python_status.items()}

    for status in ConsultationStatus:
        expected = {title for title, value in python_status.items() if value == status}
        assert expected, f"the cases should cover {status}"
        response = client.get(index.url, {"status": status.value})
        assert set(card_titles(response)) == expected, status


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (FIXED_NOW - 3 * DAY, S.PLANNED),
        (FIXED_NOW - DAY, S.REGISTRATION_OPEN),
        (FIXED_NOW + 2 * DAY, S.REGISTRATION_CLOSED),
        (FIXED_NOW + 10 * DAY, S.HELD),
    ],
    ids=["before-registration", "registration-open", "after-deadline", "after-the-day"],
)
def test_the_status_follows_the_clock(index, freeze_now, moment, expected):
    freeze_now(FIXED_NOW)
    page = ConsultationPageFactory(
        parent=index,
        date=TODAY + 7 * DAY,
        registration_opens=FIXED_NOW - 2 * DAY,
        rsvp_deadline=FIXED_NOW + DAY,
    )
    freeze_now(moment)
    assert ConsultationPage.objects.get(pk=page.pk).status == expected
    assert _sql_status(page) == expected


def test_publishing_minutes_changes_the_status(index, now):
    page = ConsultationPageFactory(parent=index, date=TODAY - 7 * DAY)
    assert _sql_status(page) == S.HELD
    MinutesPageFactory(parent=page)
    assert ConsultationPage.objects.get(pk=page.pk).status == S.MINUTES_PUBLISHED
    assert _sql_status(page) == S.MINUTES_PUBLISHED


def test_minutes_of_another_consultation_do_not_count(index, now):
    """The minutes lookup matches on the tree path: a neighbour's minutes must not leak over."""
    first = ConsultationPageFactory(parent=index, date=TODAY - 7 * DAY)
    second = ConsultationPageFactory(parent=index, date=TODAY - 7 * DAY)
    MinutesPageFactory(parent=second)
    assert ConsultationPage.objects.get(pk=first.pk).status == S.HELD
    assert _sql_status(first) == S.HELD
