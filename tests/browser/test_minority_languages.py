"""The pages in the national minority languages at phone width in Chromium (docs/languages.md): each
has its own <html lang>, Yiddish is laid out right to left (the header, the language switcher, the
menu and the footer start at the right), the Swedish interface around them says it is Swedish, and
axe finds nothing serious (the same rules and helper as test_accessibility.py)."""

from __future__ import annotations

import pytest

from demo.content.languages import TRANSLATIONS
from tests.browser.a11y_pages import Visit
from tests.browser.test_accessibility import axe_violations, load, with_axe
from tests.factories import StandardPageFactory, build_site_tree
from tests.home.translations import translate

pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures"]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
]

PHONE = {"width": 375, "height": 812}

LAYOUT = """
() => {
    // Where the element's text is, not its block (a block spans the line whichever way it reads).
    const box = (selector) => {
        const element = document.querySelector(selector);
        if (!element) return null;
        const range = document.createRange();
        range.selectNodeContents(element);
        const rect = range.getBoundingClientRect();
        return {left: rect.left, right: rect.right, top: rect.top};
    };
    const boxes = (selector) => [...document.querySelectorAll(selector)].map((element) => {
        const rect = element.getBoundingClientRect();
        return {left: rect.left, right: rect.right, top: rect.top};
    });
    const root = document.documentElement;
    return {
        lang: root.getAttribute("lang"),
        dir: root.getAttribute("dir"),
        direction: getComputedStyle(root).direction,
        width: root.clientWidth,
        overflow: root.scrollWidth - root.clientWidth,
        chrome: [...document.querySelectorAll("header.site-header, footer.site-footer, .skip-link")]
            .map((element) => element.getAttribute("lang")),
        switcher: [...document.querySelectorAll(".language-switcher a")].map((a) => ({
            lang: a.getAttribute("lang"), hreflang: a.getAttribute("hreflang"), text: a.textContent.trim(),
        })),
        siteName: box(".site-name"),
        switcherLinks: boxes(".language-switcher a"),
        menuLinks: boxes(".main-nav__link"),
        footerName: box(".site-footer__name"),
        heading: box("main h1"),
        listItem: box("main li"),
    };
}
"""


@pytest.fixture
def translations():
    """The demo's front page and about page in each minority language, as translations of ours."""
    home, _index = build_site_tree()
    about = StandardPageFactory(parent=home, title="Om Sakråd", slug="om", introduction="Så går det till.")
    pages = {}
    for code, fields in TRANSLATIONS.items():
        translate(home, code, **fields["home"])
        pages[code] = translate(about, code, **fields["about"])
    return pages


def _starts_at(side: str, item: dict, width: int) -> bool:
    """The item sits against that side of the screen (within the gutter)."""
    gap = item["left"] if side == "left" else width - item["right"]
    return gap < 64  # the gutter, and a list's indent


def _in_reading_order(items: list[dict], right_to_left: bool) -> bool:
    """Items of one line follow each other from the start side."""
    first_line = [item for item in items if abs(item["top"] - items[0]["top"]) < 4]
    edges = [item["right"] if right_to_left else item["left"] for item in first_line]
    return len(first_line) > 1 and edges == sorted(edges, reverse=right_to_left)


def test_each_translation_at_phone_width(translations, open_tab):
    tab = with_axe(open_tab(viewport=PHONE))
    problems = []
    for code, page in translations.items():
        visit = Visit(f"about [{code}]", page.url, 200, code, True)
        assert page.url.startswith(f"/{code}/")
        problem = load(tab, visit)
        if problem:
            problems.append(problem)
            continue
        found = tab.evaluate(LAYOUT)
        right_to_left = code == "yi"
        start = "right" if right_to_left else "left"
        where = f"{code} ({page.url})"
        assert found["lang"] == code, where
        assert found["dir"] == ("rtl" if right_to_left else None), where
        assert found["direction"] == ("rtl" if right_to_left else "ltr"), where
        assert found["chrome"] == ["sv", "sv", "sv"], f"{where}: the Swedish interface must say so"
        assert found["overflow"] <= 1, f"{where} runs {found['overflow']} px off a phone's screen"
        languages = {link["hreflang"] for link in found["switcher"]}
        assert languages == {"sv", "en"} | set(TRANSLATIONS) - {code}, where
        assert all(link["lang"] == link["hreflang"] for link in found["switcher"]), where
        width = found["width"]
        for name in ("siteName", "footerName", "heading", "listItem"):
            assert _starts_at(start, found[name], width), f"{where}: {name} does not start at the {start}"
        end = "left" if right_to_left else "right"
        assert not _starts_at(end, found["siteName"], width), f"{where}: the site's name reaches the {end}"
        for name in ("switcherLinks", "menuLinks"):
            assert _in_reading_order(found[name], right_to_left), f"{where}: {name} not from the {start}"
        problems += axe_violations(tab, visit)
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)


def test_the_front_pages_in_each_language(translations, open_tab):
    tab = with_axe(open_tab(viewport=PHONE))
    problems = []
    for code in translations:
        visit = Visit(f"home [{code}]", f"/{code}/", 200, code, True)
        problem = load(tab, visit)
        problems += [problem] if problem else axe_violations(tab, visit)
        if not problem:
            found = tab.evaluate(LAYOUT)
            assert found["lang"] == code and found["overflow"] <= 1, code
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
