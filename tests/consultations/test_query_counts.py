"""Pages render in a number of queries that does not grow with the data on them.

Measured for an anonymous visitor with warm caches (tests/reading/page_types.py: `queries_for`). A
change that makes them grow with the data fails the equality checks here; the counts themselves are
in one table, tests/reading/page_types.py, which tests/reading/test_queries_per_page_type.py holds
every public page type to (the consultation page's differs with the data, so only its growth is
checked here).
"""

import datetime as dt

import pytest

from tests.consultations.conftest import build_consultation
from tests.factories import ConsultationPageFactory, MinutesPageFactory, ThemeFactory
from tests.reading.page_types import page_type, queries_for

pytestmark = pytest.mark.django_db

INDEX_QUERIES = page_type("consultation_index").queries
INDEX_QUERIES_FILTERED_BY_THEME = page_type("consultation_index_filtered").queries  # the theme by slug
HOME_QUERIES = page_type("home").queries


def _add_consultations(index, count, now, themes):
    for n in range(count):
        page = ConsultationPageFactory(
            parent=index,
            date=now.date() + dt.timedelta(days=n - count // 2),
            themes=[themes[n % len(themes)], themes[(n + 1) % len(themes)]],
        )
        if n % 3 == 0 and page.date < now.date():
            MinutesPageFactory(parent=page)


@pytest.mark.parametrize(
    ("params", "expected"),
    [({}, INDEX_QUERIES), ({"theme": "matningstema-1", "page": "2"}, INDEX_QUERIES_FILTERED_BY_THEME)],
    ids=["plain", "theme-filter-page-2"],
)
def test_index_renders_in_a_fixed_number_of_queries(client, index, now, params, expected):
    themes = [ThemeFactory(name=f"Matningstema {n}") for n in range(4)]
    _add_consultations(index, 5, now, themes)
    with_5 = queries_for(client, index.url, params)
    _add_consultations(index, 45, now, themes)
    with_50 = queries_for(client, index.url, params)

    assert len(with_50) == len(with_5), "queries grew with the data:\n" + "\n".join(with_50)
    assert len(with_50) == expected, "\n".join(with_50)
    assert not client.get(index.url, params).context["filter_form"].errors


def test_consultation_page_renders_in_a_fixed_number_of_queries(client, index, now):
    small = build_consultation(index, organisations=2, speakers=1, agenda_items=1)
    large = build_consultation(index, organisations=30, speakers=10, agenda_items=8)
    for page in (small, large):
        MinutesPageFactory(parent=page)

    small_queries = queries_for(client, small.url)
    large_queries = queries_for(client, large.url)

    assert len(large_queries) == len(small_queries), "grew with the data:\n" + "\n".join(large_queries)


def test_home_page_renders_in_a_fixed_number_of_queries(client, home, index, now):
    themes = [ThemeFactory(name=f"Matningstema {n}") for n in range(4)]
    # Three: yesterday's, one that ended this morning and tomorrow's, so the upcoming list is not empty
    # (an empty list skips the themes' query, which would look like growth).
    _add_consultations(index, 3, now, themes)
    few = queries_for(client, home.url)
    _add_consultations(index, 20, now, themes)
    many = queries_for(client, home.url)

    assert len(many) == len(few), "queries grew with the data:\n" + "\n".join(many)
    assert len(many) == HOME_QUERIES, "\n".join(many)
