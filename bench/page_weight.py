"""What a first visit to the demo's published minutes downloads, file by file, gzip-compressed:
`.venv/bin/python -m bench.page_weight` (a Markdown table, for docs/benchmarks.md → "Page weight").

The same measurement as tests/reading/test_page_weight.py (tests/reading/weight.py), on the demo data
(bench/demo_site.py) instead of the test's larger minutes.
"""

from __future__ import annotations

from bench.demo_site import demo_site


def main() -> None:
    with demo_site() as pages:
        from django.test import Client

        from tests.reading.weight import GZIP_LEVEL, page_weight

        url = pages.minutes.get_url()
        weight = page_weight(Client(), url)
        print(f"Minutes page {url} ({pages.minutes.title}), text gzip level {GZIP_LEVEL}:\n")
        print(weight.table())
        print()
        for kind, sent in weight.by_kind().items():
            print(f"- {kind}: {sent:,} bytes")


if __name__ == "__main__":
    main()
