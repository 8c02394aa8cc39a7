"""The register's journey in Chromium, on a phone, in Swedish and English: an anonymous reader filters
/uppfoljning/ by theme, opens a takeaway and follows it; confirms from the mail; an organiser changes
its status on the minutes' follow-up screen; the follower gets one mail, and unsubscribes with one
click. Axe finds nothing serious on the register."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.urls import reverse

from consultations.models import Theme
from minutes.models import Takeaway
from outcomes.models import Follower
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.test_accessibility import AXE_OPTIONS, FAILING_IMPACTS

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
ADDRESS = "lasare@example.org"
PREFIX = {"sv": "", "en": "/en"}


def _path(body: str, kind: str, language: str) -> str:
    """The mail's link in the reader's language (the mail has both halves)."""
    return re.search(rf"https?://[^/\s]+({PREFIX[language]}/uppfoljning/{kind}/[^/\s]+/)", body)[1]


def _serious(tab) -> list[str]:
    results = tab.evaluate("(options) => axe.run(document.querySelector('main'), options)", AXE_OPTIONS)
    return [violation["id"] for violation in results["violations"] if violation["impact"] in FAILING_IMPACTS]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_reader_follows_a_takeaway_and_hears_of_its_status(world, open_tab, language):
    theme = Theme.objects.create(name="Förtroende", slug="fortroende")
    world.consultation.themes.add(theme)
    world.consultation.save()
    takeaway = Takeaway.objects.filter(page=world.minutes).get()
    other = Theme.objects.create(name="Arbete", slug="arbete")

    reader = open_tab(None, locale="sv-SE" if language == "sv" else "en-GB", **PHONE)
    reader.context.add_init_script(Axe().axe_script)
    reader.goto(f"{PREFIX[language]}/uppfoljning/")
    assert reader.locator("html").get_attribute("lang") == language
    reader.select_option("select[name=theme]", other.slug)
    reader.locator("form.filter__form button[type=submit]").click()
    assert reader.locator(".register-item").count() == 0
    reader.select_option("select[name=theme]", theme.slug)
    reader.locator("form.filter__form button[type=submit]").click()
    assert "theme=fortroende" in reader.url
    assert reader.locator(".register-item").count() == 1
    assert _serious(reader) == []
    assert reader.evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )

    reader.locator(".register-item__text a").click()
    assert reader.locator("h1").inner_text().strip() == takeaway.text
    reader.locator("a[href$='/folj/']").click()
    reader.fill("input[name=email]", ADDRESS)
    reader.locator("form.follow-form button[type=submit]").click()
    reader.wait_for_url(re.compile(r"/folj/skickat/$"))
    [confirmation] = [message for message in mail.outbox if message.to == [ADDRESS]]
    assert Follower.objects.get().confirmed_at is None

    reader.goto(_path(confirmation.body, "bekrafta", language))
    reader.locator("main form button[type=submit]").click()
    reader.wait_for_load_state()
    assert Follower.objects.get().confirmed_at is not None
    mail.outbox.clear()

    organiser = open_tab(world.user("organiser"), **PHONE)
    organiser.goto(reverse("follow_up_admin:index", args=[world.minutes.pk]))
    organiser.select_option(f"select[name=status-{takeaway.pk}]", "in_progress")
    organiser.locator(f"form:has(select[name=status-{takeaway.pk}]) button[type=submit]").click()
    organiser.wait_for_load_state()
    assert Takeaway.objects.get(pk=takeaway.pk).status == "in_progress"

    news = [message for message in mail.outbox if message.to == [ADDRESS]]
    assert len(news) == 1
    assert news[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    reader.goto(_path(news[0].body, "avsluta", language))
    reader.locator("main form button[type=submit]").click()
    reader.wait_for_load_state()
    assert not Follower.objects.exists()
    reader.goto(f"{PREFIX[language]}/uppfoljning/medskick/{takeaway.pk}/")
    assert reader.locator(".badge--in_progress").count() == 1
