"""The demo site on a scratch SQLite database, for the reading benchmarks (bench/page_weight.py,
bench/queries.py): the test settings (static files from the app folders through WhiteNoise, no
Redis), `migrate` and `seed_demo` into a temporary folder that is removed afterwards. Nothing of the
developer's own db.sqlite3 is read or changed.

The figures these benchmarks print count bytes and queries, not time: they are the same on any
machine for the same code and demo content.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class DemoPages:
    """The demo's pages of each public type, as bench/queries.py names them."""

    home: object
    index: object
    consultation: object  # the 2024 consultation, held, with published minutes
    minutes: object
    annual_cycle: object
    standard_page: object  # the page about the service
    theme_slug: str  # a theme of the 2024 consultation, for the filtered list


@contextlib.contextmanager
def demo_site() -> Iterator[DemoPages]:
    with tempfile.TemporaryDirectory(prefix="sakrad-bench-") as folder:
        os.environ["DJANGO_SETTINGS_MODULE"] = "sakrad.settings.test"
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        os.environ.pop("REDIS_URL", None)  # the in-memory cache and channel layer: one process
        import django

        django.setup()
        from django.core.management import call_command

        print("Building the demo site on a scratch database…", file=sys.stderr)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("seed_demo", stdout=io.StringIO())  # its counts are not the benchmark's output
        call_command("update_index", verbosity=0)  # search finds what seed_demo wrote
        yield _pages()


def _pages() -> DemoPages:
    from consultations.models import ConsultationIndexPage
    from cycle.models import AnnualCyclePage
    from demo.content.site import ABOUT
    from home.models import HomePage, StandardPage
    from minutes.models import MinutesPage

    minutes = MinutesPage.objects.live().public().order_by("first_published_at").first()
    consultation = minutes.get_parent().specific
    return DemoPages(
        home=HomePage.objects.get(),
        index=ConsultationIndexPage.objects.live().get(),
        consultation=consultation,
        minutes=minutes,
        annual_cycle=AnnualCyclePage.objects.live().get(),
        standard_page=StandardPage.objects.live().get(slug=ABOUT["slug"]),
        theme_slug=consultation.themes.order_by("slug").first().slug,
    )
