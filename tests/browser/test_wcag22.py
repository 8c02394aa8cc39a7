"""What WCAG 2.2 AA adds and axe cannot see, in a real Chromium (axe's one 2.2 rule, target-size, runs
with the others in test_accessibility.py and every other axe run: AXE_OPTIONS there).

Each page is loaded once and checked for all of these on that visit:
- 2.5.8 Target size (minimum), at 375 CSS px: every control is 24 × 24 px or has the spacing the
  criterion allows (a 24 px circle on it meets no other target nor another small target's circle);
  links inside a sentence are excepted, as the criterion says.
- 2.4.11 Focus not obscured (minimum), at 1024 × 600 (where the notes bar is sticky): tabbing through
  the page, the focused element is never fully hidden behind a sticky or fixed element (compared by
  bounding boxes) or outside the full-screen element; on the plenary wall in full screen as well.
- 2.5.7 Dragging movements: no element of ours is draggable; points are reordered with buttons, here by
  keyboard alone.
The pages: the public ones, the group page with the live editor, voting (/prioritera/), questions
(/fragor/), Mina sidor, and the plenary wall.

Elsewhere in this file, without the visit loop:
- 3.3.8 Accessible authentication (minimum): a password pasted into the login form, a code pasted with
  spaces into login by code and into the second factor; the fields say what a password manager or a
  phone's code autofill needs.
- 3.2.6 Consistent help: every registry HTML page, for every role, has the help (accessibility
  statement, reporting address) in the footer in the same order.
"""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa.totp.internal import auth as totp
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panel_questions.services.ask import panel_question_ask
from panel_questions.services.moderate import panel_question_moderate
from panel_questions.services.queue import panel_queue_open
from priorities.models import PriorityOption, PriorityRound
from tests.browser.a11y_fixtures import log_in
from tests.browser.a11y_pages import ERROR_PAGES, pages_by_role
from tests.browser.test_invitation_flow import LOGIN_CODE
from tests.browser.test_keyboard import tab_to
from tests.browser.test_notes_live import CONNECTED, LIVE_TIMEOUT, add_point, wait_for_texts
from tests.browser.walk import sv
from tests.registry import endpoint

pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures", "tests.browser.asgi_server"]
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
    # WhiteNoise hands static files to Django's ASGI handler as a synchronous iterator: harmless here.
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators"),
]

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1024, "height": 600}  # wide and high enough for the sticky notes bar (notes.css)
MIN_TARGET = 24  # CSS px
PUBLIC = [
    "home",
    "consultation_index",
    "consultation",
    "consultation_upcoming",
    "minutes",
    "annual_cycle",
    "standard_page",
    "search",
    "outcomes_index",
    "outcomes_takeaway",
    "open_input_form",
    "login",
    "login_by_code",
]
IN_THE_ROOM = ["group_notes", "priorities_vote", "panel_questions_phone", "my_page"]

# How the scripts below name an element in a failure message.
NAME_FUNCTION = """
const name = (el) => {
    const label = el.innerText || el.value || el.getAttribute("aria-label") || el.getAttribute("href") || "";
    const id = el.id ? "#" + el.id : "";
    const text = JSON.stringify(label.trim().replace(/\\s+/g, " ").slice(0, 40));
    return `<${el.tagName.toLowerCase()}${id}> ${text}`;
};
"""

# 2.5.8: each visible control that is smaller than 24 × 24 and neither a link in a sentence nor far
# enough from the others. Spacing as the criterion measures it: a 24 px circle centred on the target's
# bounding box must not intersect another target, nor the circle of another small target.
TARGET_SIZE_SCRIPT = (
    "([selector, min]) => {"
    + NAME_FUNCTION
    + """
    const shown = (el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        return r.width > 1 && r.height > 1 && s.visibility !== "hidden"
            && r.bottom + scrollY > 0 && r.right + scrollX > 0
            && !el.closest("details:not([open]) > :not(summary)");
    };
    // "Inline: the target is in a sentence or its size is otherwise constrained by the line-height of
    // non-target text": an inline control whose block holds text of its own besides it.
    const inSentence = (el) => {
        if (!getComputedStyle(el).display.startsWith("inline") || el.tagName !== "A") return false;
        let block = el.parentElement;
        while (block && getComputedStyle(block).display.startsWith("inline")) block = block.parentElement;
        const own = (el.textContent || "").replace(/\\s+/g, "").length;
        return block && (block.textContent || "").replace(/\\s+/g, "").length > own;
    };
    const targets = [...document.querySelectorAll(selector)].filter(shown).map((el) => {
        const r = el.getBoundingClientRect();
        return {el, r, cx: (r.left + r.right) / 2, cy: (r.top + r.bottom) / 2,
                small: r.width < min - 0.5 || r.height < min - 0.5};
    });
    const distanceToRect = (x, y, r) => Math.hypot(
        Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
    const problems = [];
    for (const target of targets) {
        if (!target.small || inSentence(target.el)) continue;
        const crowding = targets.find((other) => other !== target
            && !other.el.contains(target.el) && !target.el.contains(other.el)
            && (other.small && !inSentence(other.el)
                ? Math.hypot(other.cx - target.cx, other.cy - target.cy) < min
                : distanceToRect(target.cx, target.cy, other.r) < min / 2));
        if (crowding) {
            const size = `${Math.round(target.r.width)} × ${Math.round(target.r.height)} px`;
            problems.push(`${name(target.el)} is ${size}; ${name(crowding.el)} is within its 24 px circle`);
        }
    }
    return {problems, count: targets.length};
}"""
)
TARGETS = "a[href], button, input:not([type=hidden]), select, summary, [role=button]"

# 2.4.11: after each Tab, is the focused element fully hidden? Hidden: outside the viewport, outside the
# full-screen element, or its visible part wholly inside a sticky or fixed element that does not hold it.
FOCUS_HIDDEN_SCRIPT = (
    "async () => {"
    + NAME_FUNCTION
    + """
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return {done: true};
    const key = el.dataset.wcag22Seen;
    if (key) return {done: true};
    el.dataset.wcag22Seen = "1";
    const what = name(el);
    if (el.tagName.toLowerCase() === "wagtail-userbar") return {done: true};
    let r = el.getBoundingClientRect();
    if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight) {
        // A loaded machine may still be laying out (full screen's resize, a live list's first
        // render): judge where focus is once the next frames are drawn, as a person would see it.
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        r = el.getBoundingClientRect();
    }
    const seen = {left: Math.max(r.left, 0), top: Math.max(r.top, 0),
                  right: Math.min(r.right, innerWidth), bottom: Math.min(r.bottom, innerHeight)};
    if (seen.right - seen.left < 1 || seen.bottom - seen.top < 1) {
        return {what, hidden: "outside the viewport"};
    }
    const full = document.fullscreenElement;
    if (full && !full.contains(el)) return {what, hidden: `behind the full-screen ${full.className}`};
    for (const cover of window.__wcag22Covers || []) {
        if (cover.contains(el) || !cover.isConnected) continue;
        const c = cover.getBoundingClientRect();
        if (c.left <= seen.left && c.top <= seen.top && c.right >= seen.right && c.bottom >= seen.bottom) {
            return {what, hidden: `behind the sticky or fixed ${cover.outerHTML.slice(0, 60)}`};
        }
    }
    return {what};
}"""
)
# Sticky and fixed elements: what can cover the content as it scrolls by (found once per page).
COVERS_SCRIPT = """
() => {
    window.__wcag22Covers = [...document.body.querySelectorAll("*")].filter(
        (el) => ["sticky", "fixed"].includes(getComputedStyle(el).position) && el.getClientRects().length);
    for (const el of document.querySelectorAll("[data-wcag22-seen]")) delete el.dataset.wcag22Seen;
    if (document.activeElement) document.activeElement.blur();
    window.scrollTo(0, 0);
    return window.__wcag22Covers.map((el) => el.tagName.toLowerCase() + "." + el.className);
}
"""


def target_size_problems(tab) -> list[str]:
    found = tab.evaluate(TARGET_SIZE_SCRIPT, [TARGETS, MIN_TARGET])
    assert found["count"] > 3, "too few controls: is the page right?"
    return found["problems"]


def hidden_focus(tab, *, limit: int = 250) -> tuple[list[str], int]:
    """Tab from the top of the page until focus comes round again; (what was hidden, how many stops).

    Where something is sticky or fixed, Shift+Tab back up as well: Chromium does not scroll an element
    that is already in the viewport, under a sticky bar included, so going up is where a bar hides focus."""
    covers = tab.evaluate(COVERS_SCRIPT)
    problems, stops = [], 0
    for key in ["Tab", "Shift+Tab"] if covers else ["Tab"]:
        tab.evaluate(
            "() => document.querySelectorAll('[data-wcag22-seen]').forEach((el) => {"
            " if (el !== document.activeElement) delete el.dataset.wcag22Seen; })"
        )
        for _ in range(limit):
            tab.keyboard.press(key)
            focused = tab.evaluate(FOCUS_HIDDEN_SCRIPT)
            if focused.get("done"):
                break
            stops += 1
            if focused.get("hidden"):
                problems.append(f"focus on {focused['what']} is hidden ({key}): {focused['hidden']}")
    return problems, stops


def dragging_problems(tab) -> list[str]:
    """2.5.7: our pages drag nothing (links and images are draggable by the browser, not by us)."""
    return tab.eval_on_selector_all(
        "[draggable=true], [data-sortable], .sortable",
        "nodes => nodes.map(node => node.outerHTML.slice(0, 120))",
    )


@pytest.fixture
def tab_as(browser, asgi_live_server):
    """tab_as(user) -> a tab at phone width on the ASGI live server (the notes need its websockets)."""
    contexts = []

    def open_(user=None, **options):
        options = {"base_url": asgi_live_server.url, "locale": "sv-SE", "viewport": PHONE, **options}
        context = browser.new_context(**options)
        contexts.append(context)
        if user is not None:
            log_in(context, user, asgi_live_server.url)
        tab = context.new_page()
        tab.set_default_timeout(LIVE_TIMEOUT)
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def plenary_open(world):
    """Voting and questions open at the world's consultation: a round of two takeaways, a queue
    with one approved question from someone else for the group member to support."""
    consultation, organiser = world.consultation, world.user("organiser")
    round = PriorityRound.objects.create(
        consultation=consultation, votes_per_person=2, opened_at=timezone.now(), opened_by=organiser
    )
    PriorityOption.objects.bulk_create(
        PriorityOption(round=round, group_name="Grupp 1", question_number=1, text=text, sort_order=order)
        for order, text in enumerate(["Fleråriga bidrag", "Enklare ansökningar"])
    )
    panel_queue_open(consultation=consultation, user=organiser)
    question = panel_question_ask(
        consultation=consultation, text="Hur följs det här upp?", user=world.user("participant")
    )
    panel_question_moderate(question=question, decision="approve", user=organiser)


def move_a_point_by_keyboard(tab) -> None:
    """2.5.7 by keyboard alone: two points, Tab to the second's "move up", Enter."""
    question = int(tab.get_attribute("[data-question]", "data-question"))
    for text in ("Första", "Andra"):
        add_point(tab, question)
        tab.keyboard.type(text)
    wait_for_texts(tab, question, ["Första", "Andra"])
    move_up = sv("Move up")
    tab_to(tab, lambda element: element["tag"] == "button" and element["text"].startswith(move_up), limit=10)
    tab.keyboard.press("Enter")
    wait_for_texts(tab, question, ["Andra", "Första"])
    # Now first, its "move up" is disabled: focus stays on the moved point, on its next button.
    focused_on = tab.evaluate("() => document.activeElement.closest('li').querySelector('textarea').value")
    assert focused_on == "Andra", "focus left the moved point"


def test_targets_focus_and_dragging_on_the_main_pages(
    world, furnished, accessibility_settings, plenary_open, tab_as
):
    visits = [(None, name, endpoint(name).url(world)) for name in PUBLIC]
    visits.append((None, "accessibility_statement", accessibility_settings.statement.get_url()))
    visits += [("group_member", name, endpoint(name).url(world)) for name in IN_THE_ROOM]
    tabs = {role: tab_as(world.user(role) if role else None) for role in {role for role, _, _ in visits}}
    problems, stops = [], 0
    for role, name, path in visits:
        tab = tabs[role]
        tab.set_viewport_size(PHONE)
        response = tab.goto(path)
        assert response is not None and response.status == 200, f"{name} ({path}): {response}"
        where = f"{name} ({path}) as {role or 'anonymous'}"
        if name == "group_notes":
            tab.wait_for_selector(CONNECTED)
            move_a_point_by_keyboard(tab)
            tab.evaluate("() => document.activeElement.blur()")
        problems += [f"{where}, 2.5.8 at 375 px: {problem}" for problem in target_size_problems(tab)]
        problems += [f"{where}, 2.5.7 draggable: {html}" for html in dragging_problems(tab)]
        tab.set_viewport_size(DESKTOP)
        hidden, reached = hidden_focus(tab)
        stops += reached
        problems += [f"{where}, 2.4.11: {problem}" for problem in hidden]
    assert stops > 10 * len(visits), f"only {stops} Tab stops on {len(visits)} pages: is the walk working?"
    assert not problems, f"{len(problems)} WCAG 2.2 problems:\n" + "\n".join(problems)


def test_focus_stays_in_view_on_the_plenary_wall_in_full_screen(world, furnished, plenary_open, tab_as):
    """The wall at a projector's width (its targets too), with voting and questions open on it."""
    tab = tab_as(world.user("organiser"), viewport=DESKTOP)
    tab.goto(reverse("breakouts:plenary", args=[world.consultation.pk]))
    tab.wait_for_selector("[data-plenary-status][data-state='connected']")
    problems = target_size_problems(tab) + dragging_problems(tab)
    tab.click("[data-fullscreen]")
    # fullscreenElement is set before the resize is laid out: wait until the wall fills the screen.
    tab.wait_for_function(
        "() => { const wall = document.fullscreenElement; if (!wall) return false;"
        " const r = wall.getBoundingClientRect();"
        " return r.top === 0 && Math.abs(r.height - innerHeight) < 2; }"
    )
    hidden, reached = hidden_focus(tab)
    assert reached > 3, f"only {reached} Tab stops in full screen"
    problems += hidden
    # Leaving full screen gives the rest of the page back to the keyboard: Tab goes on to the footer.
    tab.evaluate("() => document.exitFullscreen()")
    tab.wait_for_function("() => document.fullscreenElement === null")
    tab_to(tab, lambda element: not element["inMain"] and "skip-link" not in element["cls"], limit=200)
    assert not problems, "the plenary wall:\n" + "\n".join(problems)


# ---- 3.3.8 Accessible authentication ----------------------------------------------------------------


def paste(tab, selector: str, text: str) -> None:
    """Paste `text` into a field through the clipboard, with the keyboard, as a password manager's
    copy or a code from a mail or an authenticator app would come."""
    tab.focus(selector)
    tab.evaluate("text => navigator.clipboard.writeText(text)", text)
    tab.keyboard.press("Control+V")


def field(tab, selector: str) -> dict:
    return tab.eval_on_selector(
        selector,
        "(el) => ({autocomplete: el.getAttribute('autocomplete'), inputmode: el.getAttribute('inputmode'),"
        " maxlength: el.getAttribute('maxlength'), onpaste: el.getAttribute('onpaste'), value: el.value})",
    )


def fresh_totp(secret: str) -> str:
    return totp.format_hotp_value(totp.hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def paste_tab(tab_as):
    def open_(user=None):
        tab = tab_as(user)
        tab.context.grant_permissions(["clipboard-read", "clipboard-write"])
        return tab

    return open_


def test_login_by_password_code_and_second_factor_take_pasted_and_autofilled_input(world, paste_tab):
    person = world.user("participant")

    # A password from a password manager: the fields say what they hold, and a paste goes in whole.
    tab = paste_tab()
    tab.goto(reverse("account_login"))
    assert field(tab, "#id_password")["autocomplete"] == "current-password"
    assert field(tab, "#id_login")["autocomplete"] in ("email", "username")
    paste(tab, "#id_login", person.email)
    paste(tab, "#id_password", world.password)
    assert field(tab, "#id_password")["value"] == world.password
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.get_by_role("link", name=sv("Log out")).count() == 1, "not logged in with a pasted password"

    # A code from the mail, pasted with the spaces a mail program may add around and inside it.
    tab = paste_tab()
    tab.goto(reverse("account_request_login_code"))
    tab.fill("input[name=email]", person.email)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    code_field = field(tab, "input[name=code]")
    assert code_field["autocomplete"] == "one-time-code" and not code_field["onpaste"], code_field
    code = LOGIN_CODE.search(mail.outbox[-1].body).group(1)
    spaced = f" {code[:4]} {code[4:]} "
    assert not code_field["maxlength"] or int(code_field["maxlength"]) >= len(spaced), code_field
    paste(tab, "input[name=code]", spaced)
    assert field(tab, "input[name=code]")["value"] == spaced
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.get_by_role("link", name=sv("Log out")).count() == 1, "not logged in with a pasted code"

    # Setting up an authenticator asks for the password again (pasted), then for a code: digits that a
    # phone can fill in.
    tab.goto(reverse("mfa_activate_totp"))
    if reverse("account_reauthenticate") in tab.url:
        assert field(tab, "input[name=password]")["autocomplete"] == "current-password"
        paste(tab, "input[name=password]", world.password)
        with tab.expect_navigation():
            tab.keyboard.press("Enter")
    setup = field(tab, "input[name=code]")
    wanted = ("one-time-code", "numeric", None)
    assert (setup["autocomplete"], setup["inputmode"], setup["onpaste"]) == wanted, setup

    # The second factor: a code from an authenticator app, digits with a space in the middle.
    secret = totp.generate_totp_secret()
    totp.TOTP.activate(person, secret)
    tab = paste_tab()
    tab.goto(reverse("account_login"))
    tab.fill("#id_login", person.email)
    tab.fill("#id_password", world.password)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert reverse("mfa_authenticate") in tab.url
    code_field = field(tab, "input[name=code]")
    assert (code_field["autocomplete"], code_field["inputmode"], code_field["onpaste"]) == wanted, code_field
    current = fresh_totp(secret)
    spaced = f"{current[:3]} {current[3:]}"
    assert not code_field["maxlength"] or int(code_field["maxlength"]) >= len(spaced), code_field
    paste(tab, "input[name=code]", spaced)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.get_by_role("link", name=sv("Log out")).count() == 1, "not logged in with a pasted TOTP code"


# ---- 3.2.6 Consistent help ----------------------------------------------------------------------------

HELP = re.compile(r'data-help="([\w-]+)"')
FOOTER = re.compile(r'<footer class="site-footer".*?</footer>', re.DOTALL)
HELP_ROLES = ["anonymous", "participant", "group_member", "organiser", "approver"]


def test_help_is_in_the_same_place_on_every_page(world, accessibility_settings):
    """Each HTML page of ours, for the first role that can load it: the footer holds the help, in the
    same order on each page; no page leaves any of it out or puts it elsewhere."""
    orders, outside = {}, []
    for role, visits in pages_by_role(world, HELP_ROLES).items():
        client = world.client_for(role) if role != "anonymous" else Client()
        for visit in visits:
            response = client.get(visit.path)
            expected = ERROR_PAGES.get(visit.name.removesuffix(" [en]"), 200)
            assert response.status_code == expected, f"{visit.name} ({visit.path}) as {role}"
            html = response.content.decode()
            footer = FOOTER.search(html)
            orders.setdefault(tuple(HELP.findall(footer.group(0))) if footer else (), []).append(visit.name)
            if len(HELP.findall(html)) != len(HELP.findall(footer.group(0) if footer else "")):
                outside.append(visit.name)
    assert len(orders) == 1, "the help differs between pages:\n" + "\n".join(
        f"  {list(order)}: {names[:8]}" for order, names in orders.items()
    )
    (order,) = orders
    assert order == ("statement", "contact"), order
    assert not outside, f"help outside the footer on {outside}"
