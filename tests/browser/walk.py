"""What the browser walks share: tabs logged in as someone, waiting, messages, a consultation held today."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.browser.a11y_fixtures import log_in

TIMEOUT = 15_000  # ms


def sv(message: str) -> str:
    """A message as the Swedish interface shows it."""
    with translation.override("sv"):
        return gettext(message)


def held_today() -> tuple[dt.date, dt.time, dt.time]:
    """A consultation that began at midnight and ended a minute ago (compiling needs it to be over)."""
    now = timezone.localtime()
    if now.hour == 0 and now.minute < 2:
        # A day that began a minute ago holds no meeting yet, and yesterday's is past its answers: the
        # journeys need both, so wait the rest of those two minutes (a test run at midnight, rarely).
        time.sleep(120 - now.minute * 60 - now.second)
        now = timezone.localtime()
    ended = (now - dt.timedelta(minutes=1)).time().replace(second=0, microsecond=0)
    return now.date(), dt.time(0, 0), ended


def wait_until(condition, what: str, timeout: float = TIMEOUT / 1000) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting until {what}")


def new_tab(browser, base_url: str, user=None):
    context = browser.new_context(base_url=base_url, locale="sv-SE", accept_downloads=True)
    if user is not None:
        log_in(context, user, base_url)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT)
    tab.js_errors = []
    tab.on("pageerror", lambda error: tab.js_errors.append(str(error)))
    return tab


def success_message(tab) -> str:
    return tab.locator(".messages .success").first.inner_text().strip()


def click_in_footer_menu(tab, selector: str) -> None:
    """Click an item of the edit view's action menu, opening its dropdown first when it is folded away."""
    button = tab.locator(selector).first
    if not button.is_visible():
        tab.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']").first.click()
    button.click()


@pytest.fixture
def tabs(browser, asgi_live_server):
    opened = []

    def open_(user=None):
        tab = new_tab(browser, asgi_live_server.url, user)
        opened.append(tab)
        return tab

    yield open_
    for tab in opened:
        tab.context.close()
