"""Both public pages show carried takeaways in a number of queries that does not grow with them."""

import datetime as dt

import pytest

from minutes.models.takeaway import TakeawayStatus
from tests.carry_over.conftest import next_consultation, with_takeaways
from tests.factories import ConsultationPageFactory
from tests.reading.page_types import queries_for

pytestmark = pytest.mark.django_db

# Carry-over costs one query on the consultation page, two on the minutes page; the pages' counts
# themselves are in one table, tests/reading/page_types.py (measured on the test world's pages).


def _earlier_minutes(index, theme, count, title):
    page = ConsultationPageFactory(parent=index, title=title, themes=[theme], date=dt.date(2024, 6, 4))
    return with_takeaways(page, [TakeawayStatus.OPEN] * count)


def test_consultation_page_does_not_grow_with_carried_takeaways(client, index, cycle):
    few = next_consultation(index, cycle.theme, carried=[cycle.open], title="Få medskick")
    sources = [_earlier_minutes(index, cycle.theme, 4, f"Sakråd {n}") for n in range(3)]
    many_takeaways = [row for minutes in sources for row in minutes.takeaways.all()]
    many = next_consultation(index, cycle.theme, carried=many_takeaways, title="Många medskick")
    few_queries, many_queries = queries_for(client, few.url), queries_for(client, many.url)
    assert len(few_queries) == len(many_queries), "\n".join(many_queries)


def test_minutes_page_does_not_grow_with_later_consultations(client, index, cycle):
    small = _earlier_minutes(index, cycle.theme, 2, "Litet sakråd")
    large = _earlier_minutes(index, cycle.theme, 10, "Stort sakråd")
    next_consultation(index, cycle.theme, carried=small.takeaways.all()[:1], title="Ett senare")
    for n in range(4):
        next_consultation(index, cycle.theme, carried=large.takeaways.all(), title=f"Senare {n}")
    small_queries, large_queries = queries_for(client, small.url), queries_for(client, large.url)
    assert len(small_queries) == len(large_queries), "\n".join(large_queries)
