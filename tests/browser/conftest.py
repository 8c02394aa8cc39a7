"""Real Chromium through Playwright. Outside CI a missing Chromium skips these tests loudly;
in CI (CI=true) it fails them, because a browser test that did not run proves nothing."""

import os
from pathlib import Path

import pytest

from tests.browser.chromium import MISSING, chromium_path, in_ci

# Playwright's sync API runs an event loop in this thread; the ORM calls in these tests are
# made between browser steps, never concurrently with them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


# Per module, not per session: while Playwright runs, its event loop is the running loop of this
# thread, and the Channels and async tests that the same worker runs next must not find it there.
@pytest.fixture(scope="module")
def browser():
    executable = chromium_path()
    if executable is None:
        if in_ci():
            pytest.fail(MISSING + " In CI this is a failure.")
        pytest.skip(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def unguarded_page(browser, live_server):
    """A tab that ignores our Content Security Policy: only escaping stands between payload and DOM."""
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", bypass_csp=True)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


@pytest.fixture
def quiet_indexes(settings):
    """Building hundreds of pages is the slow part of the XSS tests: no search or reference index
    updates for them."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**options, "AUTO_UPDATE": False} for name, options in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with disable_reference_index_auto_update():
        yield
