"""The public's visit, in Chromium, as anyone without an account (issue 16), in Swedish and at /en/.

A visitor comes to the home page, finds the consultation held last month through the list of
consultations, opens it and its published minutes, reads the takeaways (one answered by a follow-up,
so it no longer reads "open"), searches for a word of a takeaway and finds the minutes under a title
that names the consultation, downloads the PDF (which prints its web address once) and then, for the
consultation coming up next, the calendar file. Every link followed is one the pages show.

The minutes are published as the approver's approval leaves them (through the models here: the staff
side has journeys of its own). Screenshots of each step, at desktop and phone width:
test-results/journeys/public-sv/ and public-en/ (tests/browser/journeys/album.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext
from pypdf import PdfReader

from consultations.models import ConsultationPage, DiscussionQuestion
from minutes.models import MinutesPage, Takeaway
from minutes.models.takeaway import TakeawayStatus
from minutes.services.follow_up import follow_up_add
from tests.browser.journeys.album import Album
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

TIMEOUT = 15_000  # ms: a ceiling for slow machines, never a measure
TITLE = "Sakråd om ungas fritid och föreningsliv"
QUESTION = "Hur når vi unga som inte är med i någon förening?"
# A distinctive word, so that the search finds these minutes by their takeaway and nothing else.
SEARCH_WORD = "kvällsöppna"
TAKEAWAY = "Kommunerna bör ha kvällsöppna fritidsgårdar året runt"
ANSWERED = "Föreningarna behöver fleråriga bidrag"
FOLLOW_UP = "Regeringen har gett myndigheten i uppdrag att pröva fleråriga bidrag."
POINT = "Flera organisationer lyfte skolan som mötesplats."
SUMMARY = "Sakrådet samlade organisationernas erfarenheter av ungas fritid."


def _in(language: str, message: str) -> str:
    with translation.override(language):
        return gettext(message)


def _status(language: str, status) -> str:
    with translation.override(language):
        return str(status.label)


@pytest.fixture
def published(world):
    """A consultation held a month ago, live, with published minutes: a question and its point, two
    takeaways (one answered by a follow-up), the organisations that took part."""
    held = ConsultationPage(
        title=TITLE,
        slug="ungas-fritid",
        ministry="Kulturdepartementet",
        date=timezone.localdate() - dt.timedelta(days=30),
        start_time=dt.time(9, 30),
        end_time=dt.time(12, 0),
        venue_address="Drottninggatan 1, Stockholm",
    )
    world.index.add_child(instance=held)
    held.save_revision().publish()
    DiscussionQuestion.objects.create(page=held, number=1, text=QUESTION, sort_order=0)
    held = ConsultationPage.objects.get(pk=held.pk)
    record = {"number": 1, "question": QUESTION, "sub_questions": [], "points": [f"<p>{POINT}</p>"]}
    minutes = MinutesPage(
        title="Minnesanteckningar",
        slug="minnesanteckningar",
        summary=SUMMARY,
        held_on=held.date,
        body=json.dumps([{"type": "question_record", "value": record}]),
    )
    minutes.takeaways = [
        Takeaway(question_number=1, text=TAKEAWAY, sort_order=0),
        Takeaway(question_number=1, text=ANSWERED, sort_order=1),
    ]
    minutes.participating_organisations = [world.organisation, world.other_organisation]
    held.add_child(instance=minutes)
    minutes.save_revision().publish()
    minutes = MinutesPage.objects.get(pk=minutes.pk)
    follow_up_add(
        minutes=minutes,
        date=timezone.localdate() - dt.timedelta(days=2),
        text=f"<p>{FOLLOW_UP}</p>",
        answers=[minutes.takeaways.get(text=ANSWERED)],
        user=world.user("organiser"),
    )
    return MinutesPage.objects.get(pk=minutes.pk)


def _pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.mark.search_index
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_public_finds_reads_searches_and_downloads(
    world, published, browser, asgi_live_server, settings, language
):
    base = asgi_live_server.url
    settings.WAGTAILADMIN_BASE_URL = base  # the address the PDF and the calendar file print
    prefix = "" if language == "sv" else "/en"
    album = Album(f"public-{language}")
    context = browser.new_context(
        base_url=base, locale="sv-SE" if language == "sv" else "en-GB", accept_downloads=True
    )
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT)
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))

    # 1. The home page: what is coming up, and the minutes published lately, named after their
    #    consultation (these are titled just "Minnesanteckningar").
    tab.goto(f"{prefix}/")
    assert tab.locator("html").get_attribute("lang") == language
    main = tab.inner_text("main")
    assert world.other_consultation.title in main, "the upcoming consultation is listed"
    assert f"Minnesanteckningar: {TITLE}" in main
    album.take(tab, "home")

    # 2. The list of all consultations, then the one held last month.
    tab.get_by_role("link", name=_in(language, "See all consultations")).click()
    tab.wait_for_url(f"**{prefix}{world.index.url}")
    album.take(tab, "consultations")
    tab.locator(".card__title a", has_text=TITLE).click()
    tab.wait_for_url(f"**{prefix}{published.get_parent().url}")
    assert _in(language, "The minutes from this consultation have been published.") in tab.inner_text("main")
    album.take(tab, "consultation")

    # 3. Its minutes: the question with its point and takeaways, the organisations, the follow-up.
    tab.locator(".callout--minutes a").click()
    tab.wait_for_url(f"**{prefix}{published.url}")
    main = tab.inner_text("main")
    for expected in (SUMMARY, QUESTION, POINT, world.organisation.name, FOLLOW_UP):
        assert expected in main, f"{expected!r} is not on the minutes page"
    takeaways = tab.locator(".minutes-takeaways li")
    assert takeaways.count() == 2
    assert TAKEAWAY in takeaways.nth(0).inner_text()
    assert _status(language, TakeawayStatus.OPEN) in takeaways.nth(0).inner_text()
    answered = takeaways.nth(1).inner_text()
    assert ANSWERED in answered and _status(language, TakeawayStatus.ANSWERED) in answered
    assert _status(language, TakeawayStatus.OPEN) not in answered, "answered by a follow-up: not open"
    album.take(tab, "minutes")

    # 4. The search, from the menu, for a word that is only in a takeaway.
    tab.locator(".main-nav").get_by_role("link", name=_in(language, "Search")).click()
    tab.fill("input[name=q]", SEARCH_WORD)
    tab.locator("form[role=search] button[type=submit]").click()
    tab.wait_for_selector(".result-count")
    results = tab.locator(".search-result")
    assert results.count() == 1, tab.inner_text("main")
    assert f"Minnesanteckningar: {TITLE}" in results.first.inner_text()
    assert SEARCH_WORD in results.first.inner_text().casefold()
    album.take(tab, "search")
    results.first.locator("a").first.click()
    tab.wait_for_url(f"**{prefix}{published.url}")

    # 5. The PDF: the same minutes, the page's web address printed once.
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name=_in(language, "Download as PDF")).click()
    with open(download_info.value.path(), "rb") as file:
        pdf = file.read()
    assert pdf.startswith(b"%PDF-")
    text = _pdf_text(pdf)
    for expected in (TITLE, TAKEAWAY, FOLLOW_UP):
        assert expected in text, f"{expected!r} is not in the PDF"
    address = f"{base}{prefix}{published.url}"
    assert text.count(address) == 1, f"the web address {address} is printed {text.count(address)} times"
    album.take(tab, "minutes-downloaded")

    # 6. Back home, the consultation coming up, and its calendar file.
    tab.get_by_role("link", name=_in(language, "Home")).first.click()
    tab.locator(".card__title a", has_text=world.other_consultation.title).click()
    tab.wait_for_url(f"**{prefix}{world.other_consultation.url}")
    album.take(tab, "upcoming-consultation")
    with tab.expect_download() as download_info:
        tab.get_by_role("link", name=_in(language, "Add to calendar (.ics)")).click()
    with open(download_info.value.path(), encoding="utf-8") as file:
        ics = file.read().replace("\r\n ", "")  # lines folded at 75 octets
    assert ics.startswith("BEGIN:VCALENDAR")
    assert world.other_consultation.title in ics
    assert f"URL:{base}" in ics and "localhost" not in ics, "the calendar links to the site people reach"
    assert errors == []
    context.close()
