"""Prioritising at the plenary in Chromium, in Swedish and English: an organiser starts a round from
the wall; ten phones (participants logged in, phone width) vote at nearly the same moment; the wall's
counts follow live over the socket without a reload; closing keeps the counts and deletes the voter
rows. Axe finds nothing serious on the wall or the phone page.

Daphne serves the pages and the socket (tests/browser/asgi_server.py), so the votes go through the
real view, service and channel layer."""

from __future__ import annotations

import pytest
from django.db import connection
from django.urls import reverse
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from breakouts.models import NotePoint
from breakouts.services import note_taking_close
from invitations.models import Attendee, Invitation
from priorities.models import PriorityOption, PriorityRound, PriorityVoter
from tests.browser.phones import PHONE, in_language, open_tab, serious_axe
from tests.factories import UserFactory

pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures", "tests.browser.asgi_server"]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators"),
]

PHONES = 10
TAKEAWAYS = ["Fleråriga bidrag", "Enklare ansökningar", "Fler mötesplatser för unga"]





@pytest.fixture
def room(world):
    """The world's consultation after its groups: their takeaways stored, ten attendees with accounts."""
    consultation = world.consultation
    note_taking_close(consultation=consultation)
    for order, text in enumerate(TAKEAWAYS):
        NotePoint.objects.create(
            group=world.breakout_group, question_number=1, text=text, takeaway=True, order=order
        )
    invitation = Invitation.objects.get(consultation=consultation, organisation=world.organisation)
    phones = []
    for number in range(PHONES):
        user = UserFactory(email=f"telefon{number}@example.org", organisation=world.organisation)
        Attendee.objects.create(
            invitation=invitation,
            consultation=consultation,
            name=f"Telefon {number}",
            email=user.email,
            user=user,
        )
        phones.append(user)
    return consultation, phones


@pytest.fixture
def contexts():
    opened = []
    yield opened
    for context in opened:
        context.close()


def test_ten_phones_vote_and_the_wall_follows_live(world, room, browser, asgi_live_server, contexts):
    """Both languages in one room: the wall in Swedish, the projector's screen in English, the phones
    taking turns (one run instead of one per language: a room of ten phones is CI's costliest test)."""
    consultation, phones = room
    organiser = world.user("organiser")
    wall = open_tab(browser, asgi_live_server, contexts, organiser, "sv")
    wall.goto(in_language(reverse("breakouts:plenary", args=[consultation.pk]), "sv"))
    assert wall.get_attribute("html", "lang") == "sv"
    assert serious_axe(wall) == []  # the start form
    # A second screen on the wall (the projector's) follows the round started from the first.
    projector = open_tab(browser, asgi_live_server, contexts, organiser, "en")
    projector.goto(in_language(reverse("breakouts:plenary", args=[consultation.pk]), "en"))
    assert projector.get_attribute("html", "lang") == "en"
    projector.wait_for_timeout(500)  # its socket is open before the round starts
    wall.locator("#priorities-start-votes_per_person").fill("2")
    wall.locator("form[action$='/starta/'] button[type=submit]").click()
    wall.wait_for_selector("[data-priorities-status][data-state='live']")
    assert wall.locator("svg.priorities-qr__code").count() == 1
    projector.wait_for_selector("svg.priorities-qr__code")
    round = PriorityRound.objects.get(consultation=consultation)
    assert round.is_open and round.votes_per_person == 2
    first, second, third = PriorityOption.objects.filter(round=round).order_by("sort_order")
    assert serious_axe(wall) == []

    # Each phone chooses: everyone the first takeaway, every other phone the third as well.
    tabs = []
    languages = ["sv", "en"] * (PHONES // 2)
    for number, user in enumerate(phones):
        tab = open_tab(browser, asgi_live_server, contexts, user, languages[number], **PHONE)
        tab.goto(in_language(reverse("priorities:vote", args=[consultation.pk]), languages[number]))
        assert tab.get_attribute("html", "lang") == languages[number]
        tab.check(f"#option-{first.pk}")
        if number % 2 == 0:
            tab.check(f"#option-{third.pk}")
        tabs.append(tab)
    assert serious_axe(tabs[0]) == [] and serious_axe(tabs[1]) == []
    assert tabs[0].evaluate(
        "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1"
    )
    for tab in tabs:  # at once: no phone waits for another's answer
        tab.locator("form.priorities-ballot button[type=submit]").click(no_wait_after=True)
    for number, tab in enumerate(tabs):
        try:
            tab.wait_for_selector("[data-voted]")
        except PlaywrightTimeout:
            # SQLite's shared in-memory test database refuses a write at once while another thread
            # holds its table lock (no busy wait, unlike a file or PostgreSQL): the phone sees an
            # error page and its ballot was not counted, so it sends it again, as a person would.
            assert connection.vendor == "sqlite", tab.content()[:2000]
            assert not PriorityVoter.objects.filter(user=phones[number]).exists()
            tab.goto(in_language(reverse("priorities:vote", args=[consultation.pk]), languages[number]))
            tab.check(f"#option-{first.pk}")
            if number % 2 == 0:
                tab.check(f"#option-{third.pk}")
            tab.locator("form.priorities-ballot button[type=submit]").click()
            tab.wait_for_selector("[data-voted]")

    # The wall has not been reloaded: the socket brought the counts.
    wall.wait_for_function(
        "([id, n]) => document.querySelector(`[data-votes-for='${id}']`).textContent.trim() === String(n)",
        arg=[first.pk, PHONES],
    )
    wall.wait_for_function(
        "([id, n]) => document.querySelector(`[data-votes-for='${id}']`).textContent.trim() === String(n)",
        arg=[third.pk, PHONES // 2],
    )
    assert wall.locator(f"[data-votes-for='{second.pk}']").inner_text().strip() == "0"
    assert wall.locator(f"[data-bar-for='{first.pk}']").get_attribute("width") == "100"
    assert PriorityVoter.objects.filter(round=round).count() == PHONES

    # A second ballot from the same phone is refused.
    again = tabs[0]
    again.goto(in_language(reverse("priorities:vote", args=[consultation.pk]), languages[0]))
    assert again.locator("form.priorities-ballot").count() == 0

    wall.locator("form[action$='/stang/'] button[type=submit]").click()
    wall.wait_for_selector("form[action$='/starta/']")
    projector.wait_for_selector("form[action$='/starta/']")
    assert not PriorityVoter.objects.exists()
    round.refresh_from_db()
    assert not round.is_open and round.ballots == PHONES
    assert [option.votes for option in round.options.order_by("sort_order")] == [PHONES, 0, PHONES // 2]
    results = tabs[1]
    results.goto(in_language(reverse("priorities:vote", args=[consultation.pk]), languages[1]))
    assert results.locator(f"[data-votes-for='{first.pk}']").inner_text().strip() == str(PHONES)
    assert serious_axe(results) == []
