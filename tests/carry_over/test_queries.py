"""Both public pages show carried takeaways in a number of queries that does not grow with them."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from minutes.models.takeaway import TakeawayStatus
from tests.carry_over.conftest import next_consultation, with_takeaways
from tests.factories import ConsultationPageFactory

pytestmark = pytest.mark.django_db

# Measured on these pages (their data differs from the counts in tests/consultations and tests/reading;
# carry-over costs one query here, two on the minutes page). A fixed query added elsewhere changes these.
CONSULTATION_QUERIES = 18
MINUTES_QUERIES = 17


def _count(client, url) -> list[str]:
    assert client.get(url).status_code == 200  # warm the caches
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def _earlier_minutes(index, theme, count, title):
    page = ConsultationPageFactory(parent=index, title=title, themes=[theme], date=dt.date(2024, 6, 4))
    return with_takeaways(page, [TakeawayStatus.OPEN] * count)


def test_consultation_page_does_not_grow_with_carried_takeaways(
    client, index, cycle, django_assert_num_queries
):
    few = next_consultation(index, cycle.theme, carried=[cycle.open], title="Få medskick")
    sources = [_earlier_minutes(index, cycle.theme, 4, f"Sakråd {n}") for n in range(3)]
    many_takeaways = [row for minutes in sources for row in minutes.takeaways.all()]
    many = next_consultation(index, cycle.theme, carried=many_takeaways, title="Många medskick")
    few_queries, many_queries = _count(client, few.url), _count(client, many.url)
    assert len(few_queries) == len(many_queries), "\n".join(many_queries)
    with django_assert_num_queries(CONSULTATION_QUERIES):
        client.get(many.url)


def test_minutes_page_does_not_grow_with_later_consultations(client, index, cycle, django_assert_num_queries):
    small = _earlier_minutes(index, cycle.theme, 2, "Litet sakråd")
    large = _earlier_minutes(index, cycle.theme, 10, "Stort sakråd")
    next_consultation(index, cycle.theme, carried=small.takeaways.all()[:1], title="Ett senare")
    for n in range(4):
        next_consultation(index, cycle.theme, carried=large.takeaways.all(), title=f"Senare {n}")
    small_queries, large_queries = _count(client, small.url), _count(client, large.url)
    assert len(small_queries) == len(large_queries), "\n".join(large_queries)
    with django_assert_num_queries(MINUTES_QUERIES):
        client.get(large.url)
