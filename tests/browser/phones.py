"""A room of phones in Chromium: one browser context per person, logged in, at phone width, in their
language, with axe loaded (the plenary's journeys: prioritising, questions to the panel)."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from tests.browser.a11y_fixtures import log_in
from tests.browser.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
LIVE_TIMEOUT = 10_000  # ms: a ceiling for a loaded CI machine, not an expectation


def open_tab(browser, server, contexts, user, language, **options):
    """A new context for `user` (kept in `contexts`, for the test to close), its one tab."""
    locale = "sv-SE" if language == "sv" else "en-GB"
    context = browser.new_context(base_url=server.url, locale=locale, **options)
    contexts.append(context)
    log_in(context, user, server.url)
    tab = context.new_page()
    tab.set_default_timeout(LIVE_TIMEOUT)
    tab.add_init_script(Axe().axe_script)
    return tab


def in_language(path: str, language: str) -> str:
    return path if language == "sv" else f"/en{path}"


def serious_axe(tab) -> list[str]:
    results = tab.evaluate("(options) => axe.run(document.querySelector('main'), options)", AXE_OPTIONS)
    return [violation["id"] for violation in results["violations"] if violation["impact"] in FAILING_IMPACTS]


def fits_a_phone(tab) -> bool:
    return tab.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
