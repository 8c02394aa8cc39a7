"""On a phone (390 × 844 CSS px), in Chromium:

- a participant logs in with an e-mailed code (allauth's login by code, the way the invitation's login
  e-mail leads), lands on their own page, and reaches their breakout group from the header in two
  clicks — also by keyboard;
- staff check people in at the door: after a check-in the button says so inside the screen;
- the plenary wall with a long word in a takeaway (and a long group name) stays within the screen.

None of these pages may scroll sideways (WCAG 1.4.10 reflow).
"""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from breakouts.services import breakout_group_create, group_member_add, note_taking_open
from invitations.models import Attendee, Invitation, InvitationStatus
from notes.services import note_update_append
from tests.breakouts.test_services import _points_update
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.walk import sv
from tests.invitations import factories

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
EMAIL = "ada@framtid.example.org"
GROUP = "Grupp Mälaren"
LONG_WORD = "Kommunalförbundssamverkansöverenskommelsernas"
LONG_TAKEAWAY = f"{LONG_WORD} https://example.org/en-mycket-lang-adress-utan-ett-enda-mellanslag/i/sig"
LONG_NAME = "Anna-Karin Lindqvist-Bergström Andersson"

# What sticks out of the screen: the document wider than the viewport, or an element's own box.
OVERFLOW_SCRIPT = """
() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    if (document.documentElement.scrollWidth > width + 1) {
        problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px in ${width}px`);
    }
    const hidden = (el) => el.closest(".visually-hidden, .w-sr-only, .skip-link, [hidden], wagtail-userbar");
    for (const el of document.querySelectorAll("main *, header *")) {
        if (hidden(el) || getComputedStyle(el).display === "none") continue;
        const box = el.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 1 || box.left < -1)) {
            const span = `${Math.round(box.left)}..${Math.round(box.right)}`;
            problems.push(`${el.tagName.toLowerCase()}.${el.className} at ${span}`);
        }
    }
    return problems.slice(0, 8);
}
"""

FOCUSED_IN_HEADER = (
    "() => document.activeElement.closest('header') && document.activeElement.textContent.trim()"
)


def overflow(tab) -> list[str]:
    return tab.evaluate(OVERFLOW_SCRIPT)


@pytest.fixture
def known_code(monkeypatch):
    """allauth's login code, known to the test (the live server is a thread of this process); the
    e-mail must still carry it."""
    code = DefaultAccountAdapter().generate_login_code()
    monkeypatch.setattr(DefaultAccountAdapter, "generate_login_code", lambda self: code)
    return code


@pytest.fixture
def today(world):
    """Today's consultation: Ada is named by her organisation, which accepted, and placed in a group
    whose note-taking is open. Ada has no password: she logs in by code."""
    consultation = factories.consultation(
        title="Sakråd om lokal samverkan", days_ahead=0, deadline_in=-dt.timedelta(minutes=1)
    )
    ada = User.objects.create_user(
        email=EMAIL, password=None, first_name="Ada", organisation=world.organisation
    )
    invitation = Invitation.objects.create(
        consultation=consultation,
        organisation=world.organisation,
        status=InvitationStatus.ACCEPTED,
        answered_at=timezone.now(),
    )
    Attendee.objects.create(
        invitation=invitation, consultation=consultation, name="Ada", email=EMAIL, user=ada
    )
    breakout_group_create(consultation=consultation, name="Grupp Vänern")
    group = breakout_group_create(consultation=consultation, name=GROUP)
    group_member_add(group=group, person=ada)
    note_taking_open(consultation=consultation)
    return {"consultation": consultation, "group": group, "ada": ada}


def test_a_participant_logs_in_by_code_and_reaches_the_group_from_the_header_in_two_clicks(
    world, today, known_code, open_tab
):
    tab = open_tab(**PHONE)
    group_path = reverse("breakouts:group", args=[today["group"].pk])
    tab.goto("/")
    assert overflow(tab) == []

    # Log in from the header, by code: allauth's "send me a code" (where the login e-mail leads).
    tab.locator("header").get_by_role("link", name="Logga in").click()
    tab.wait_for_url("**/accounts/login/")
    tab.get_by_role("link", name=sv("Send me a sign-in code")).click()
    tab.wait_for_url("**/accounts/login/code/")
    assert overflow(tab) == []
    mail.outbox.clear()
    tab.fill('input[name="email"]', EMAIL)
    tab.locator("main form button[type=submit]").first.click()
    tab.wait_for_selector('input[name="code"]')
    assert [message.to for message in mail.outbox] == [[EMAIL]]
    assert known_code in mail.outbox[0].body
    assert overflow(tab) == []
    tab.fill('input[name="code"]', known_code)
    tab.locator("main form button[type=submit]").first.click()

    # She lands on her own page: today's consultation first, with her group.
    tab.wait_for_url("**/mina-sidor/")
    assert overflow(tab) == []
    first = tab.locator(".my-consultation").first
    assert "Sakråd om lokal samverkan" in first.inner_text() and "I dag" in first.inner_text()

    # From any page: the header's "Mina sidor" (1), then her group (2).
    tab.goto(world.consultation.url)
    my_page = tab.locator("header").get_by_role("link", name="Mina sidor")
    box = my_page.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    my_page.click()
    tab.wait_for_url("**/mina-sidor/")
    tab.locator(".my-consultation").first.get_by_role("link", name=GROUP).click()
    tab.wait_for_url(f"**{group_path}")
    assert GROUP in tab.locator("h1").inner_text()
    assert overflow(tab) == []

    # The same by keyboard: Tab from the top of a page to "Mina sidor", Enter.
    tab.goto("/")
    for _ in range(20):
        tab.keyboard.press("Tab")
        if tab.evaluate(FOCUSED_IN_HEADER) == "Mina sidor":
            break
    else:
        raise AssertionError("Tab never reached Mina sidor in the header")
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/mina-sidor/")


def test_the_check_in_button_stays_on_the_screen_after_a_check_in(world, open_tab):
    consultation = factories.consultation(
        title="Sakråd vid dörren", days_ahead=0, deadline_in=-dt.timedelta(minutes=1)
    )
    organisation = factories.organisation(
        name="Riksförbundet för föreningar som samverkar kring barn och unga"
    )
    invitation = Invitation.objects.create(
        consultation=consultation, organisation=organisation, status=InvitationStatus.ACCEPTED
    )
    for number, name in enumerate([LONG_NAME, "Bo Berg"]):
        Attendee.objects.create(
            invitation=invitation, consultation=consultation, name=name, email=f"person{number}@example.org"
        )
    tab = open_tab(world.user("organiser"), **PHONE)
    tab.goto(reverse("invitations_admin:check_in", args=[consultation.pk]))
    tab.locator(".inv-person").first.locator("button.inv-toggle").click()
    tab.wait_for_selector(".inv-toggle--in")

    checked = tab.locator(".inv-toggle--in")
    assert checked.inner_text().startswith(sv("Checked in"))
    # The name and "press to undo" are for screen readers only: they took the button off the screen.
    spoken = checked.locator("span").bounding_box()
    assert spoken["width"] <= 1 and spoken["height"] <= 1, spoken
    fits = checked.evaluate(
        "(button) => { const box = button.getBoundingClientRect();"
        " return {right: box.right, clipped: button.scrollWidth > button.clientWidth + 1"
        " || button.scrollHeight > button.clientHeight + 1}; }"
    )
    assert fits["right"] <= 390 and not fits["clipped"], fits
    assert tab.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    for button in tab.locator(".inv-toggle").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert box["height"] >= 44, "a target for a thumb"


def test_the_plenary_wall_keeps_a_long_word_on_the_screen(world, tabs):
    """Live: the wall rendered from the notes socket, highlight buttons and all."""
    consultation = world.consultation  # its group "Grupp 1" takes notes
    long_group = breakout_group_create(consultation=consultation, name="Samverkansgruppen" + "för" * 8)
    for group in (world.breakout_group, long_group):
        update = _points_update([(1, LONG_TAKEAWAY, True)])
        note_update_append(group_id=group.pk, update=update, author_id=None)
    wall = tabs(world.user("organiser"))
    wall.set_viewport_size(PHONE["viewport"])
    wall.goto(reverse("breakouts:plenary", args=[consultation.pk]))
    wall.wait_for_selector("[data-plenary-status][data-state='connected']")
    wall.wait_for_selector(".takeaway__highlight")
    assert wall.locator(".takeaway__text", has_text=LONG_WORD).count() == 2
    assert overflow(wall) == []

    # Highlighted, the takeaway's text grows: still within the screen.
    wall.locator(".takeaway__highlight").first.click()
    assert wall.locator(".takeaway--highlighted").count() == 1
    assert overflow(wall) == []
    assert wall.js_errors == []
