"""How many queries an anonymous GET of each public page type and feed takes on the demo data:
`.venv/bin/python -m bench.queries` (a Markdown table, for docs/benchmarks.md → "Queries per page").

Measured as tests/reading/test_queries_per_page_type.py measures (warm caches, the anonymous page
cache off), beside the count that test holds the test world to. The two can differ by a query or
two where the data differ (a host or a press contact named or not, open input open or not).
"""

from __future__ import annotations

from bench.demo_site import DemoPages, demo_site


def demo_paths(pages: DemoPages) -> dict[str, str]:
    """The demo's path for each page type of tests/reading/page_types.py."""
    from django.urls import reverse
    from django.utils.http import urlencode

    from tests.reading.page_types import SEARCH_WORD

    return {
        "home": pages.home.get_url(),
        "consultation_index": pages.index.get_url(),
        "consultation_index_filtered": f"{pages.index.get_url()}?{urlencode({'theme': pages.theme_slug})}",
        "consultation": pages.consultation.get_url(),
        "minutes": pages.minutes.get_url(),
        "annual_cycle": f"{pages.annual_cycle.get_url()}{pages.consultation.date.year}/",
        "standard_page": pages.standard_page.get_url(),
        "search": f"{reverse('search')}?{urlencode({'q': SEARCH_WORD})}",
        "minutes_feed": reverse("feeds:minutes"),
        "calendar_feed": reverse("cycle:calendar"),
        "consultation_ics": reverse("cycle:consultation_ics", args=[pages.consultation.pk]),
        "api_pages": "/api/v2/pages/",
        "api_page": f"/api/v2/pages/{pages.minutes.pk}/",
    }


def main() -> None:
    with demo_site() as pages:
        from django.test import Client

        from tests.reading.page_types import PAGE_TYPES, queries_for

        paths = demo_paths(pages)
        client = Client()
        print("| page type | demo path | queries (demo) | queries (test world, the table) |")
        print("| --- | --- | ---: | ---: |")
        for row in PAGE_TYPES:
            count = len(queries_for(client, paths[row.name]))
            print(f"| {row.name} | `{paths[row.name]}` | {count} | {row.queries} |")


if __name__ == "__main__":
    main()
