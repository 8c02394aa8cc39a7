"""Shared fixtures: the site tree, a frozen clock, HTML parsing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone, translation

from consultations.models import ConsultationIndexPage
from home.models import HomePage
from tests.browser.chromium import MISSING, chromium_path, in_ci
from tests.factories import build_site_tree

pytest_plugins = ["tests.world"]

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


def pytest_terminal_summary(terminalreporter):
    """Outside CI a missing Chromium skips the browser tests; say so where nobody can miss it."""
    if chromium_path() is None and not in_ci():
        banner = "!" * 78
        for line in (banner, "BROWSER TESTS SKIPPED: " + MISSING, banner):
            terminalreporter.write_line(line, red=True, bold=True)
