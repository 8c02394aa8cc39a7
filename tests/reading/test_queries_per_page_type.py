"""Every public page type and feed answers an anonymous GET in the number of queries the table in
tests/reading/page_types.py gives it, and in the same number with three times the content.

The world and its content are built once for the module (and rolled back at its end); each page
type is measured with one unit of content (tests/reading/growth.py) and again with three. Two counts
grew when this was written and were fixed: search results loaded each result's body images
(site_search/views.py), and the API's minutes read each follow-up's takeaways
(MinutesPage.with_api_relations).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import get_page_models

from tests.reading.growth import grow
from tests.reading.page_types import PAGE_TYPES, PageType, queries_for
from tests.world import World

# grown_world: the module's world with content, built once (tests/reading/fixtures.py).
pytest_plugins = ["tests.reading.fixtures"]
pytestmark = pytest.mark.django_db

OUR_APPS = {"home", "consultations", "minutes", "cycle"}


@dataclass
class Measured:
    small: dict[str, list[str]]  # page type -> SQL, with one unit of content
    large: dict[str, list[str]]  # with three


def measure(world: World) -> dict[str, list[str]]:
    client = Client()
    return {row.name: queries_for(client, row.path(world), row.params) for row in PAGE_TYPES}


@pytest.fixture(scope="module")
def measured(grown_world, django_db_blocker) -> Measured:
    with django_db_blocker.unblock():
        small = measure(grown_world)
        with transaction.atomic():
            grow(grown_world, range(1, 3))
            large = measure(grown_world)
            transaction.set_rollback(True)
    return Measured(small=small, large=large)


def _listing(queries: list[str]) -> str:
    return "\n".join(f"{n}. {sql}" for n, sql in enumerate(queries, start=1))


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda row: row.name)
def test_queries_do_not_grow_with_the_content(measured, page_type: PageType):
    small, large = measured.small[page_type.name], measured.large[page_type.name]
    assert len(large) == len(small), f"grew from {len(small)} to {len(large)}:\n{_listing(large)}"


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda row: row.name)
def test_queries_per_page_type(measured, page_type: PageType):
    queries = measured.large[page_type.name]
    assert len(queries) == page_type.queries, (
        f"{page_type.name} takes {len(queries)} queries, the table says {page_type.queries}:\n"
        f"{_listing(queries)}"
    )


@override_settings(SAKRAD_PUBLIC_CACHE=False)  # a rendered page, with its context, not a cached copy
def test_every_public_page_model_is_in_the_table(grown_world):
    """A new page type fails here until it has a row (and so a query count)."""
    client = Client()
    served = set()
    for row in PAGE_TYPES:
        if row.kind == "html":
            page = client.get(row.path(grown_world), row.params).context.get("page")
            if page is not None:
                served.add(type(page))
    ours = {model for model in get_page_models() if model._meta.app_label in OUR_APPS}
    assert ours - served == set()
