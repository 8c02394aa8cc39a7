"""Shared fixtures: the site tree, a frozen clock, HTML parsing."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from consultations.models import ConsultationIndexPage
from home.models import HomePage
from tests import ci_passes, db_teardown, indexes
from tests.browser.chromium import MISSING, chromium_path, in_ci
from tests.factories import build_site_tree
from tests.minutes.workflow_helpers import staff

pytest_plugins = ["tests.world"]

# How the suite is kept fast, and these two switches to rule it out: docs/testing.md.
if not os.environ.get("SAKRAD_TEST_DJANGO_FLUSH"):
    db_teardown.install()
indexes.install(always=bool(os.environ.get("SAKRAD_TEST_INDEXES")))
INDEXED_MODULES = pytest.StashKey[set]()

# A Wednesday afternoon in Stockholm, away from DST changes and year ends.
FIXED_NOW = dt.datetime(2025, 3, 12, 14, 0, tzinfo=ZoneInfo("Europe/Stockholm"))


@dataclass
class SiteTree:
    home: HomePage
    index: ConsultationIndexPage


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail's site-root paths and allauth's rate limits live in the cache; start each test clean."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def uncached(settings):
    """Query counts measure rendering; the public page cache (public_cache/) would answer a repeated
    anonymous GET without any query."""
    settings.SAKRAD_PUBLIC_CACHE = False


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language. The locale middleware leaves the last
    request's language active in this thread, and page.url follows the active language."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def site_tree(db) -> SiteTree:
    home, index = build_site_tree()
    return SiteTree(home=home, index=index)


@pytest.fixture
def home(site_tree) -> HomePage:
    return site_tree.home


@pytest.fixture
def index(site_tree) -> ConsultationIndexPage:
    return site_tree.index


@pytest.fixture
def people(db):
    """The organiser and the approver, in the staff groups and the minutes' workflow as the demo has
    them; a folder whose tests need other staff defines its own."""
    return staff()


@pytest.fixture
def organiser(people):
    return people[0]


@pytest.fixture
def approver(people):
    return people[1]


@pytest.fixture
def freeze_now(monkeypatch):
    """freeze_now(moment) makes django.utils.timezone.now() (and localdate()) return `moment`."""

    def freeze(moment: dt.datetime) -> dt.datetime:
        monkeypatch.setattr(timezone, "now", lambda: moment)
        return moment

    return freeze


@pytest.fixture
def now(freeze_now) -> dt.datetime:
    """The clock stopped at FIXED_NOW for the whole test."""
    return freeze_now(FIXED_NOW)


# Tests marked `multiprocess` start worker processes that must share the channel layer and the
# database with the test process: Redis, and PostgreSQL (an SQLite test database lives in memory).
MULTIPROCESS_NEEDS = ("REDIS_URL", "DATABASE_URL")
MULTIPROCESS_DESELECTED = pytest.StashKey[int]()


def multiprocess_missing() -> list[str]:
    return [name for name in MULTIPROCESS_NEEDS if not os.environ.get(name)]


def pytest_addoption(parser):
    parser.addoption(
        "--ci-pass",
        choices=ci_passes.PASSES,
        help="run only the tests of one of CI's two passes: 'production' (PostgreSQL + Redis) the tests "
        "whose outcome those can change, 'embedded' (SQLite) all the others (tests/ci_passes.py)",
    )


def pytest_collection_modifyitems(config, items):
    """Without Redis and PostgreSQL the multiprocess tests are deselected, not skipped (CI allows no
    skips); the summary says how many and why. `--ci-pass` keeps one pass's tests (tests/ci_passes.py)."""
    config.stash[INDEXED_MODULES] = indexes.modules_needing_indexes(items)
    ci_pass = config.getoption("--ci-pass")
    if ci_pass:
        kept = {id(item) for item in items if ci_passes.in_pass(item, ci_pass)}
        config.hook.pytest_deselected(items=[item for item in items if id(item) not in kept])
        items[:] = [item for item in items if id(item) in kept]
    if not multiprocess_missing():
        return
    deselected = [item for item in items if item.get_closest_marker("multiprocess")]
    if not deselected:
        return
    config.hook.pytest_deselected(items=deselected)
    items[:] = [item for item in items if not item.get_closest_marker("multiprocess")]
    config.stash[MULTIPROCESS_DESELECTED] = len(deselected)
    if hasattr(config, "workeroutput"):  # an xdist worker: only the controller prints the summary
        config.workeroutput["multiprocess_deselected"] = len(deselected)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Before any fixture of the test, module-scoped ones included: search and reference indexes
    kept up to date only in modules with a `search_index` test (tests/indexes.py)."""
    module = getattr(item, "module", None)
    indexed = item.config.stash.get(INDEXED_MODULES, set())
    indexes.indexes_want(module is not None and module.__name__ in indexed)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    """xdist's controller collects nothing itself: it learns the count from its workers."""
    count = getattr(node, "workeroutput", {}).get("multiprocess_deselected", 0)
    stash = node.config.stash
    stash[MULTIPROCESS_DESELECTED] = max(stash.get(MULTIPROCESS_DESELECTED, 0), count)


def pytest_terminal_summary(terminalreporter, config):
    """Outside CI a missing Chromium skips the browser tests; say so where nobody can miss it. Say as
    loudly that multiprocess tests did not run."""
    banner = "!" * 78
    if chromium_path() is None and not in_ci():
        for line in (banner, "BROWSER TESTS SKIPPED: " + MISSING, banner):
            terminalreporter.write_line(line, red=True, bold=True)
    deselected = config.stash.get(MULTIPROCESS_DESELECTED, 0)
    if deselected:
        missing = multiprocess_missing()
        reason = (
            f"MULTIPROCESS TESTS DESELECTED: {deselected}, as {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not set. They need Redis and PostgreSQL shared with "
            "worker processes: DATABASE_URL=postgres://... REDIS_URL=redis://... (CI's second pass)"
        )
        for line in (banner, reason, banner):
            terminalreporter.write_line(line, red=True, bold=True)
