"""The public page types and feeds, and how many queries an anonymous GET of each takes: the one table
of query counts (tests/reading/test_queries_per_page_type.py holds every row to it; bench/queries.py
prints the same table for the demo data).

A count is measured with warm caches (Wagtail caches the site-root paths and image renditions after
the first request) and with the anonymous page cache off, so the cache never hides a query. A change
that makes a count grow with the content fails the growth check; a change that adds a fixed query
or two (a new site setting, say) fails only the count: update it here deliberately, after reading
the captured queries the failure prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.registry import endpoint

if TYPE_CHECKING:
    from tests.world import World

Kind = Literal["html", "atom", "ics", "json"]

# Content the reading tests give the world, so the filtered and searched pages have something to show.
THEME_SLUG = "integration"
SEARCH_WORD = "integration"


@dataclass(frozen=True)
class PageType:
    name: str
    row: str  # the registry row (tests/registry.py) whose path this is
    kind: Kind
    queries: int
    params: dict[str, str] = field(default_factory=dict)

    def path(self, world: World) -> str:
        return endpoint(self.row).url(world)


# Measured on the test world with content (tests/reading/growth.py): a consultation with a host, a
# press contact, speakers with photos and body images; minutes with body images, follow-ups and
# takeaways carried forward. Each HTML page shares the site chrome (site and home, menu, site settings);
# each Wagtail page also its locale (Wagtail's routing) and its translations (the language switcher).
# The API reads the front page's translations (the site's trees) for listings and details.
PAGE_TYPES: list[PageType] = [
    PageType("home", "home", "html", 14),
    PageType("consultation_index", "consultation_index", "html", 17),
    PageType("consultation_index_filtered", "consultation_index", "html", 18, {"theme": THEME_SLUG}),
    PageType("consultation", "consultation", "html", 24),  # host and press contact: one each
    PageType("minutes", "minutes", "html", 22),  # + the questions the panel did not reach
    PageType("annual_cycle", "annual_cycle_year", "html", 17),
    PageType("standard_page", "standard_page", "html", 11),
    PageType("search", "search", "html", 13, {"q": SEARCH_WORD}),  # one per page type, one for takeaways
    PageType("minutes_feed", "minutes_feed", "atom", 7),  # with the takeaways each follow-up answers
    PageType("calendar_feed", "calendar_feed", "ics", 2),
    PageType("consultation_ics", "consultation_ics", "ics", 2),
    PageType("api_pages", "api_pages", "json", 9),
    PageType("api_page", "api_page", "json", 15),  # the minutes: organisations, takeaways, follow-ups
]

PAGE_TYPES_BY_NAME: dict[str, PageType] = {page_type.name: page_type for page_type in PAGE_TYPES}


def page_type(name: str) -> PageType:
    return PAGE_TYPES_BY_NAME[name]


def queries_for(client, url: str, params: dict | None = None) -> list[str]:
    """The SQL of an anonymous GET of `url`, after one GET that warms the caches; both must be 200."""
    with override_settings(SAKRAD_PUBLIC_CACHE=False):
        assert client.get(url, params).status_code == 200  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, params)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return [query["sql"] for query in captured.captured_queries]
