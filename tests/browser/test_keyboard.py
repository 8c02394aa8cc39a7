"""Keyboard only, zoom and text spacing (WCAG 2.1.1, 2.4.1, 2.4.3, 2.4.7, 1.4.10, 1.4.12).

- The main journey with nothing but Tab, Enter, arrow keys and typing: skip link first and into
  <main>; through the header to the consultations; the filter form; a result; and on the
  consultation page every focusable element shows a visible focus indicator.
- The language switcher and the login form by keyboard.
- Reflow: at 320 CSS px (1280 px at 400 %) and 640 px (200 %) no page of ours scrolls sideways,
  the h1 is fully visible and no text is cut off by a clipping container.
- Text spacing: with the WCAG 1.4.12 spacing forced (the "text spacing bookmarklet"), the same.
  Each page is loaded once per role for both, and measured at each width in turn.
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.a11y_pages import Visit, pages_by_role, statement_visits
from tests.browser.test_accessibility import AXE_OPTIONS

# Fixtures as plugins rather than imported names: a fixture imported into the module and then
# taken as a test argument reads to linters as a redefinition (F811).
pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures"]

# The live server sees only committed data: transactional tests; and two fixtures `world` needs
# in a browser test (see a11y_fixtures.py).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
]

TAB_LIMIT = 150

# What is focused, where it sits, and the computed styles that can show focus.
ACTIVE_SCRIPT = """
async () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const outside = (r) => r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth;
    let rect = el.getBoundingClientRect();
    // A live page (a list filled over its socket) may still be laying out when Tab lands; judge
    // where focus sits once the next frames are drawn, as a person would see it.
    for (let tries = 0; tries < 3 && outside(rect); tries++) {
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        rect = el.getBoundingClientRect();
    }
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        cls: el.className && typeof el.className === "string" ? el.className : "",
        href: el.getAttribute("href"),
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
        inMain: !!el.closest("main"),
        inHeader: !!el.closest("header"),
        index: el.dataset.a11yIndex ?? null,
        visible: rect.width > 0 && rect.height > 0,
        inViewport: !outside(rect),
    };
}
"""

# Tag every focusable, visible element and record how it looks unfocused. A group of radio buttons is
# one Tab stop (its checked button, else its first); what a closed <details> holds is not reachable
# until its <summary> opens it.
FOCUSABLE = (
    'a[href], button:not([disabled]), input:not([type="hidden"]):not([disabled]), select:not([disabled]), '
    'textarea:not([disabled]), details > summary, [tabindex]:not([tabindex="-1"])'
)
STYLE_FUNCTION = """
const focusStyle = (el) => {
    const s = getComputedStyle(el);
    return {
        outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
        outlineColor: s.outlineColor, boxShadow: s.boxShadow, background: s.backgroundColor,
        border: [s.borderTopColor, s.borderRightColor, s.borderBottomColor, s.borderLeftColor,
                 s.borderTopWidth, s.borderBottomWidth].join(" "),
    };
};
"""
MARK_SCRIPT = (
    "(selector) => {"
    + STYLE_FUNCTION
    + """
    if (document.activeElement) document.activeElement.blur();
    window.__unfocused = {};
    const radioStop = (el) => {
        const group = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
        return (group.find((radio) => radio.checked) || group[0]) === el;
    };
    const folded = (el) => {
        const details = el.closest("details:not([open])");
        return details !== null && !(el.tagName === "SUMMARY" && el.parentElement === details);
    };
    const elements = [...document.querySelectorAll(selector)].filter(
        (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden"
            && (el.type !== "radio" || radioStop(el)) && !folded(el)
    );
    elements.forEach((el, index) => {
        el.dataset.a11yIndex = String(index);
        window.__unfocused[index] = focusStyle(el);
    });
    return elements.length;
}"""
)
FOCUS_STYLE_SCRIPT = (
    "() => {"
    + STYLE_FUNCTION
    + """
    const el = document.activeElement;
    const before = window.__unfocused[el.dataset.a11yIndex];
    const after = focusStyle(el);
    const transparent = (colour) => colour === "transparent" || /rgba\\(.*,\\s*0\\)$/.test(colour);
    const reasons = [];
    if (after.outlineStyle !== "none" && after.outlineWidth >= 1 && !transparent(after.outlineColor)) {
        reasons.push("outline");
    }
    if (after.boxShadow !== "none" && after.boxShadow !== before.boxShadow) reasons.push("box-shadow");
    if (after.background !== before.background) reasons.push("background");
    if (after.border !== before.border) reasons.push("border");
    return {reasons, before, after};
}"""
)


# One round trip per Tab in a walk: what is focused and, for a tagged element, how its focus shows.
STEP_SCRIPT = (
    "async () => { const element = await ("
    + ACTIVE_SCRIPT
    + ")(); const style = element && element.index !== null ? ("
    + FOCUS_STYLE_SCRIPT
    + ")() : null; return {element, style}; }"
)


def active(tab) -> dict | None:
    return tab.evaluate(ACTIVE_SCRIPT)


def describe(element: dict | None) -> str:
    if element is None:
        return "nothing (the document body)"
    label = element["text"] or element["href"] or element["id"]
    return f"<{element['tag']}{' id=' + element['id'] if element['id'] else ''}> {label!r}"


def tab_to(tab, matches, *, limit: int = TAB_LIMIT, key: str = "Tab") -> dict:
    """Press Tab until the focused element satisfies `matches`; fail with the path taken."""
    path = []
    for _ in range(limit):
        tab.keyboard.press(key)
        element = active(tab)
        path.append(describe(element))
        if element is not None and matches(element):
            return element
    raise AssertionError(f"never reached the element by {key}; focus went:\n  " + "\n  ".join(path))


def focus_walk(tab) -> list[str]:
    """Tab through the whole page; every focusable element must be reached and show focus."""
    count = tab.evaluate(MARK_SCRIPT, FOCUSABLE)
    assert count > 5, "too few focusable elements: is the page right?"
    problems, reached = [], set()
    for _ in range(count + 10):
        tab.keyboard.press("Tab")
        step = tab.evaluate(STEP_SCRIPT)
        element, style = step["element"], step["style"]
        if element is None or element["tag"] == "wagtail-userbar":
            break  # out of the document, or into Wagtail's own staff toolbar (last in the body)
        if element["index"] is None:
            problems.append(f"focus went to an element not expected to be focusable: {describe(element)}")
            continue
        if element["index"] in reached:
            break
        reached.add(element["index"])
        if not style["reasons"]:
            problems.append(
                f"no visible focus indicator on {describe(element)}: unfocused {style['before']}, "
                f"focused {style['after']}"
            )
        if not (element["visible"] and element["inViewport"]):
            problems.append(f"focused element not visible in the viewport: {describe(element)}")
    missed = tab.evaluate(
        "(reached) => [...document.querySelectorAll('[data-a11y-index]')]"
        ".filter((el) => !reached.includes(el.dataset.a11yIndex))"
        ".map((el) => el.outerHTML.slice(0, 120))",
        sorted(reached),
    )
    problems += [f"never reached by Tab: {html}" for html in missed]
    return problems


def test_main_journey_by_keyboard(world, furnished, open_tab):
    tab = open_tab()
    tab.goto("/")

    # Skip link: the first Tab stop, visible when focused; Enter moves focus to <main>.
    first = tab_to(tab, lambda element: True, limit=1)
    assert "skip-link" in first["cls"], f"the first Tab stop is {describe(first)}, not the skip link"
    assert first["visible"] and first["inViewport"], "the skip link is not visible when focused"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main", "Enter on the skip link did not focus <main>"
    after_skip = tab_to(tab, lambda element: True, limit=1)
    assert after_skip["inMain"], f"after the skip link, Tab went to {describe(after_skip)}, outside <main>"

    # Through the header to the consultations link; Enter opens the index.
    tab.goto("/")
    index_url = world.index.get_url()
    link = tab_to(tab, lambda element: element["inHeader"] and element["href"] == index_url, limit=20)
    assert link["text"], "the consultations link has no text"
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**{index_url}")
    assert tab.locator("h1").inner_text() == world.index.title

    # The filter form: each select chosen with the arrow keys, submitted with Enter.
    consultation = world.consultation
    consultation.refresh_from_db()
    choices = {
        "id_theme": "integration",
        "id_year": str(consultation.date.year),
        "id_status": consultation.status.value,
    }
    for field_id, wanted in choices.items():
        tab_to(tab, lambda element, field_id=field_id: element["id"] == field_id, limit=40)
        values = tab.eval_on_selector(f"#{field_id}", "(select) => [...select.options].map((o) => o.value)")
        assert wanted in values, f"{field_id} offers {values}, not {wanted!r}"
        for _ in range(values.index(wanted)):
            tab.keyboard.press("ArrowDown")
        chosen = tab.input_value(f"#{field_id}")
        assert chosen == wanted, f"ArrowDown chose {chosen!r}, not {wanted!r}, in #{field_id}"
    submit = tab_to(tab, lambda element: element["tag"] == "button", limit=5)
    assert submit["text"]
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"\?theme=integration"))
    for field_id, wanted in choices.items():
        assert tab.input_value(f"#{field_id}") == wanted, f"#{field_id} lost its value after filtering"

    # A result, opened with Enter.
    consultation_url = consultation.get_url()
    tab_to(tab, lambda element: element["inMain"] and element["href"] == consultation_url)
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**{consultation_url}")
    assert tab.locator("h1").inner_text() == consultation.title

    # Every focusable element on the consultation page: reachable, with a visible indicator.
    problems = focus_walk(tab)
    assert not problems, "keyboard focus on the consultation page:\n" + "\n".join(problems)


def test_focus_is_visible_on_every_page(world, furnished, accessibility_settings, open_tab):
    problems = []
    for role, visits in layout_visits(world, accessibility_settings.statement).items():
        tab = open_tab(world.user(role))
        for visit in visits:
            if visit.language != "sv":
                continue
            tab.goto(visit.path)
            problems += [f"{visit.name} ({visit.path}) as {role}: {problem}" for problem in focus_walk(tab)]
    assert not problems, "keyboard focus:\n" + "\n".join(problems)


def test_language_switcher_by_keyboard(world, open_tab):
    tab = open_tab()
    path = world.consultation.get_url()
    tab.goto(path)
    to_english = tab_to(tab, lambda element: element["href"] == f"/en{path}", limit=20)
    assert to_english["text"] == "English"
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"**/en{path}")
    assert tab.evaluate("document.documentElement.lang") == "en"
    to_swedish = tab_to(tab, lambda element: element["href"] == path, limit=20)
    assert to_swedish["text"] == "Svenska"
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(rf"^[^?]*(?<!/en){re.escape(path)}$"))
    assert tab.evaluate("document.documentElement.lang") == "sv"


def test_login_form_by_keyboard(world, open_tab):
    tab = open_tab()
    tab.goto("/")
    login = tab_to(
        tab, lambda element: element["inHeader"] and "/accounts/login/" in (element["href"] or ""), limit=20
    )
    assert login["text"] == "Logga in"
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/accounts/login/**")

    # A wrong password first: the error is shown and the form is still usable.
    tab_to(tab, lambda element: element["id"] == "id_login", limit=30)
    tab.keyboard.type(world.user("participant").email)
    tab.keyboard.press("Tab")
    assert active(tab)["id"] == "id_password", "Tab from the email field does not go to the password"
    tab.keyboard.type("fel lösenord")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    errors = tab.locator(".errorlist, [role=alert], .error-summary")
    assert errors.count() > 0, "no error shown for a bad login"

    tab_to(tab, lambda element: element["id"] == "id_password", limit=30)
    tab.keyboard.press("Control+A")
    tab.keyboard.type(world.password)
    remember = tab_to(tab, lambda element: element["id"] == "id_remember", limit=5)
    assert remember
    tab.keyboard.press("Space")
    assert tab.is_checked("#id_remember"), "Space does not tick the remember-me box"
    tab_to(tab, lambda element: element["tag"] == "button", limit=5)
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    assert tab.get_by_role("link", name="Logga ut").count() == 1, "not logged in after the keyboard login"

    # The page after login carries a message; it must pass axe too.
    results = Axe().run(tab, options=AXE_OPTIONS).response
    serious = [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


# --- Reflow and text spacing ---------------------------------------------------------------------

LAYOUT_SCRIPT = """
() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const problems = [];
    const classes = (el) => typeof el.className === "string" && el.className.trim()
        ? "." + el.className.trim().split(/\\s+/).join(".") : "";
    const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + classes(el);
    // Wagtail's own staff toolbars (not our markup; the inline one sizes itself once, at load).
    const hidden = (el) => el.closest(
        ".visually-hidden, .skip-link, wagtail-userbar, wagtail-inline-userbar, [hidden]");
    if (root.scrollWidth > width + 1) {
        // Name the outermost elements that stick out, the likely culprits.
        const wide = [...document.body.querySelectorAll("*")].filter((el) => !hidden(el)
            && el.getBoundingClientRect().right > width + 1
            && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1));
        // Only Wagtail's toolbar sticking out (it keeps the size it took at a wider width) is not ours.
        if (wide.length || !document.querySelector("wagtail-inline-userbar")) {
            problems.push(`scrolls horizontally: ${root.scrollWidth}px content in ${width}px; too wide: `
                + wide.slice(0, 5).map(name).join(", "));
        }
    }
    const h1 = document.querySelector("main h1");
    if (!h1) {
        problems.push("no h1 in main");
    } else {
        const r = h1.getBoundingClientRect();
        if (r.left < -1 || r.right > width + 1) {
            problems.push(`h1 sticks out: ${r.left}..${r.right} of ${width}`);
        }
        if (h1.scrollWidth > h1.clientWidth + 1) problems.push(`h1 text wider than its box`);
    }
    for (const el of document.body.querySelectorAll("*")) {
        if (hidden(el)) continue;
        const s = getComputedStyle(el);
        if (s.display === "none") continue;
        const clipsX = ["hidden", "clip"].includes(s.overflowX);
        const clipsY = ["hidden", "clip"].includes(s.overflowY);
        const overflowsX = el.scrollWidth > el.clientWidth + 1;
        const overflowsY = el.scrollHeight > el.clientHeight + 1;
        if ((clipsX && overflowsX) || (clipsY && overflowsY)) {
            problems.push(`content clipped in ${name(el)}`);
        }
        const hasText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (hasText) {
            const r = el.getBoundingClientRect();
            if (r.width > 0 && (r.right > width + 1 || r.left < -1)) {
                const span = `${Math.round(r.left)}..${Math.round(r.right)}`;
                problems.push(`text outside the viewport: ${name(el)} (${span})`);
            }
        }
    }
    return problems.slice(0, 10);
}
"""

# The WCAG 1.4.12 values, as in Steve Faulkner's text spacing bookmarklet.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""


# Each page is loaded once per role and then measured at each width and with the spacing: a zoom
# or a turned phone changes the width without a reload too. The spacing goes in as a constructed
# stylesheet, which our CSP allows (it governs markup), so the pages run as they do for everyone.
WIDTHS = [320, 640]
SPACING_WIDTHS = [1280, 320]
ADD_SPACING_SCRIPT = """
(css) => { const sheet = new CSSStyleSheet(); sheet.replaceSync(css);
           document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
           return getComputedStyle(document.body).letterSpacing; }
"""


def layout_problems(tab, visit: Visit) -> list[str]:
    response = tab.goto(visit.path)
    assert response is not None and response.status == visit.status, f"{visit.name}: {response}"
    problems = []

    def measure(what: str, width: int, height: int) -> None:
        tab.set_viewport_size({"width": width, "height": height})
        where = f"{visit.name} ({visit.path}) {what} at {width}px"
        problems.extend(f"{where}: {problem}" for problem in tab.evaluate(LAYOUT_SCRIPT))

    for width in WIDTHS:
        measure("reflow", width, width * 4 // 5)
    if visit.language == "sv":
        spacing = tab.evaluate(ADD_SPACING_SCRIPT, TEXT_SPACING_CSS)
        assert spacing != "normal", "the text spacing did not apply"
        for width in SPACING_WIDTHS:
            measure("with WCAG 1.4.12 text spacing", width, 800)
    return problems


# Every page of ours once, for the first of these roles that can load it.
LAYOUT_ROLES = ["anonymous", "participant", "group_member", "organiser"]


def layout_visits(world, statement) -> dict[str, list[Visit]]:
    return pages_by_role(world, LAYOUT_ROLES, extra=statement_visits(statement))


def test_reflow_and_text_spacing_without_horizontal_scrolling(
    world, furnished, accessibility_settings, open_tab
):
    """1.4.10 at 320 and 640 CSS px (400 % and 200 % zoom), every page; 1.4.12 at 1280 and 320 px."""
    problems = []
    for role, visits in layout_visits(world, accessibility_settings.statement).items():
        tab = open_tab(world.user(role), viewport={"width": WIDTHS[0], "height": 800})
        for visit in visits:
            problems += layout_problems(tab, visit)
    assert not problems, "reflow and text spacing:\n" + "\n".join(problems)
