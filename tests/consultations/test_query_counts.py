"""Pages render in a number of queries that does not grow with the data on them.

The numbers are measured for an anonymous visitor with warm caches (Wagtail caches the site-root
paths after the first request). A change that makes them grow with the data fails the equality
checks; a change that adds a fixed query or two (a new site setting, say) fails only the explicit
counts: update the constant deliberately, after reading the captured queries.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.consultations.conftest import build_consultation
from tests.factories import ConsultationPageFactory, MinutesPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

INDEX_QUERIES = 15
INDEX_QUERIES_FILTERED_BY_THEME = INDEX_QUERIES + 1  # looking up the theme by its slug
CONSULTATION_QUERIES = 19  # 18, and whether open input is open (issue 7)
HOME_QUERIES = 12


def _queries_for(client, url, params=None) -> list[str]:
    assert client.get(url, params).status_code == 200  # warm the caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return [query["sql"] for query in captured.captured_queries]


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
def test_index_renders_in_a_fixed_number_of_queries(
    client, index, now, django_assert_num_queries, params, expected
):
    themes = [ThemeFactory(name=f"Matningstema {n}") for n in range(4)]
    _add_consultations(index, 5, now, themes)
    with_5 = _queries_for(client, index.url, params)
    _add_consultations(index, 45, now, themes)
    with_50 = _queries_for(client, index.url, params)

    assert len(with_50) == len(with_5), "queries grew with the data:\n" + "\n".join(with_50)
    with django_assert_num_queries(expected):
        response = client.get(index.url, params)
    assert not response.context["filter_form"].errors


def test_consultation_page_renders_in_a_fixed_number_of_queries(
    client, index, now, django_assert_num_queries
):
    small = build_consultation(index, organisations=2, speakers=1, agenda_items=1)
    large = build_consultation(index, organisations=30, speakers=10, agenda_items=8)
    for page in (small, large):
        MinutesPageFactory(parent=page)

    small_queries = _queries_for(client, small.url)
    large_queries = _queries_for(client, large.url)

    assert len(large_queries) == len(small_queries), "grew with the data:\n" + "\n".join(large_queries)
    with django_assert_num_queries(CONSULTATION_QUERIES):
        client.get(large.url)


def test_home_page_renders_in_a_fixed_number_of_queries(client, home, index, now, django_assert_num_queries):
    themes = [ThemeFactory(name=f"Matningstema {n}") for n in range(4)]
    _add_consultations(index, 2, now, themes)
    few = _queries_for(client, home.url)
    _add_consultations(index, 20, now, themes)
    many = _queries_for(client, home.url)

    assert len(many) == len(few), "queries grew with the data:\n" + "\n".join(many)
    with django_assert_num_queries(HOME_QUERIES):
        client.get(home.url)
