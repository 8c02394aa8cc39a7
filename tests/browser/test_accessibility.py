"""WCAG 2.2 AA on every page of ours, with axe-core in a real Chromium.

Every registry row of kind page/view that is one of our own HTML pages (not the Wagtail or Django
admin, not downloads or the sitemap) is loaded by each role in ROLES that gets a page from it: in
Swedish, and public rows in English too. axe-core runs with the WCAG 2.0/2.1/2.2 A and AA rules; any
violation of impact "serious" or "critical" fails, named by rule, help text and selectors.

One test per role loops over all its pages, so the world and the live server are built once per
role rather than once per page.

The language checks (WCAG 3.1.1 and 3.1.2): <html lang> is "sv" on Swedish pages and "en" under
/en/; the language switcher's links carry the language they lead to; and under /en/ the text
editors wrote (in Swedish: titles, introductions, summaries) sits inside an element with lang="sv".
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from consultations.models import ConsultationIndexPage
from tests.browser.a11y_pages import Visit, our_pages, statement_visits
from tests.registry import ROLES as REGISTRY_ROLES

# Fixtures as plugins rather than imported names: a fixture imported into the module and then
# taken as a test argument reads to linters as a redefinition (F811).
pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures"]

# The live server sees only committed data: transactional tests; and two fixtures `world` needs
# in a browser test (see a11y_fixtures.py).
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
]

# Anonymous visitors, a participant (logged-in header, account pages) and an organiser (staff: the
# Wagtail user bar is shown on public pages) see every page they can load; each role after the first
# walks what the role it is covered by cannot show: a group member a breakout group's notes, a
# participant and an organiser the pages only they load and a sample of the public ones, where their
# header and the user bar differ from a visitor's (the same parts on every page).
ROLES = ["anonymous", "participant", "organiser", "group_member"]
COVERED_BY = {"participant": "anonymous", "organiser": "anonymous", "group_member": "participant"}
PUBLIC_SAMPLE = {"home", "home_en", "consultation", "consultation [en]", "minutes"}
# WCAG 2.2 AA adds one rule axe can check (target-size, 2.5.8); tests/browser/test_wcag22.py covers
# the rest of 2.2's new criteria. Every axe run of the browser tests takes these options.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
FAILING_IMPACTS = {"serious", "critical"}
AXE = Axe()


def load(tab, visit: Visit) -> str | None:
    """Load a page; a problem with the answer itself is returned as a message."""
    response = tab.goto(visit.path, wait_until="load")
    if response is None:
        return f"{visit.name} ({visit.path}): no response"
    if response.status != visit.status:
        return f"{visit.name} ({visit.path}): status {response.status}, expected {visit.status}"
    content_type = response.headers.get("content-type", "")
    if not content_type.startswith("text/html"):
        return f"{visit.name} ({visit.path}): {content_type}, not HTML (see NOT_HTML in a11y_fixtures.py)"
    return None


def with_axe(tab):
    """Load axe-core into every page of this tab before the page's own scripts (faster than
    axe_playwright_python's evaluate per page; init scripts are not subject to our CSP)."""
    tab.context.add_init_script(AXE.axe_script)
    return tab


def axe_violations(tab, visit: Visit) -> list[str]:
    results = tab.evaluate("(options) => axe.run(document, options)", AXE_OPTIONS)
    problems = []
    for violation in results["violations"]:
        if violation["impact"] not in FAILING_IMPACTS:
            continue
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        problems.append(
            f"{visit.name} ({visit.path}): [{violation['impact']}] {violation['id']}: {violation['help']}\n"
            f"    {violation['helpUrl']}\n"
            + "\n".join(f"    at {target}" for target in targets[:10])
            + (f"\n    … and {len(targets) - 10} more" if len(targets) > 10 else "")
        )
    return problems


@pytest.fixture
def paginated(monkeypatch):
    """Two consultations per listing page would hide the pagination; one per page shows it."""
    monkeypatch.setattr(ConsultationIndexPage, "page_size", 1)


def listing_visits(index: str) -> list[Visit]:
    """The filtered listing (with a bad value: the error summary) and the second listing page."""
    return [
        Visit("consultation_index filtered", f"{index}?theme=integration&status=held", 200, "sv", True),
        Visit("consultation_index bad filter", f"{index}?year=1066&status=nonsense", 200, "sv", True),
        Visit("consultation_index page 2", f"{index}?page=2", 200, "sv", True),
    ]


# The language checks (3.1.1, 3.1.2) read the same loads as axe, for the roles that see both languages.
LANGUAGE_ROLES = {"anonymous", "participant"}


@pytest.mark.parametrize("role", ROLES)
def test_no_serious_axe_violations_and_every_part_in_its_language(
    world, furnished, accessibility_settings, paginated, open_tab, role
):
    tab = with_axe(open_tab(world.user(role)))
    statement = statement_visits(accessibility_settings.statement)
    visits = our_pages(world, role, extra=statement)
    if role in COVERED_BY:
        covered = {visit.path for visit in our_pages(world, COVERED_BY[role], extra=statement)}
        visits = [visit for visit in visits if visit.path not in covered or visit.name in PUBLIC_SAMPLE]
    else:
        visits += listing_visits(world.index.get_url())
    languages = LanguageCheck(world, accessibility_settings.statement) if role in LANGUAGE_ROLES else None
    problems = []
    for visit in visits:
        problem = load(tab, visit)
        if problem:
            problems.append(problem)
            continue
        problems += axe_violations(tab, visit)
        if languages:
            problems += languages.problems(tab, visit)
    assert visits, f"no pages to check as {role}"
    if languages and role not in COVERED_BY:  # the walk of every public page finds every text
        assert any(visit.language == "en" for visit in visits)
        never = set(languages.needles) - languages.seen
        assert not never, f"never found under /en/, so never checked: {never}"
    assert not problems, f"{len(problems)} accessibility problems as {role}:\n" + "\n".join(problems)


def test_every_page_of_ours_is_checked(world):
    """Each HTML page of ours that some role can load is loaded by one of ROLES above."""
    checked = {visit.path for role in ROLES for visit in our_pages(world, role)}
    every_role = {visit.path: visit.name for role in REGISTRY_ROLES for visit in our_pages(world, role)}
    missed = {name for path, name in every_role.items() if path not in checked}
    assert not missed, f"pages no role in ROLES loads: {missed}; add a role"


LANGUAGE_SCRIPT = """
(needles) => {
    const found = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const element = node.parentElement;
        if (!element || element.closest("script, style, template")) continue;
        const text = node.textContent.replace(/\\s+/g, " ").trim();
        if (!text) continue;
        const marked = element.closest("[lang]");
        const lang = marked ? marked.getAttribute("lang") : "";
        for (const needle of needles) {
            if (text.includes(needle)) found.push({needle, lang, tag: element.tagName.toLowerCase()});
        }
    }
    for (const image of document.body.querySelectorAll("img[alt]")) {
        const marked = image.closest("[lang]");
        const lang = marked ? marked.getAttribute("lang") : "";
        for (const needle of needles) {
            if (image.alt.includes(needle)) found.push({needle, lang, tag: "img alt"});
        }
    }
    return {
        html: document.documentElement.getAttribute("lang"),
        switcher: [...document.querySelectorAll(".language-switcher a")].map((a) => ({
            lang: a.getAttribute("lang"), hreflang: a.getAttribute("hreflang"), text: a.textContent.trim(),
        })),
        found,
    };
}
"""


def swedish_texts(world, statement) -> list[str]:
    """Editor-written Swedish text on the public pages (not proper names, which 3.1.2 exempts)."""
    pages = [world.consultation, world.other_consultation, world.minutes, world.standard_page, statement]
    texts = [page.title for page in pages]
    texts += [
        world.minutes.summary,
        world.standard_page.introduction,
        statement.introduction,
        world.consultation.introduction,
    ]
    texts += [
        "Hur når vi unga som inte är organiserade?",
        "Finns det metoder som fungerar?",
        "Bakgrund",
        "Korta presentationer",
        "Unga i föreningslivet",
        "Statssekreterare",
        "Det här kom fram",
        "Deltagare i samtal runt ett bord",
        "Enheten för integration",
        "Pressekreterare",
    ]
    return [text.strip() for text in texts if text and text.strip()]


class LanguageCheck:
    """3.1.1 and 3.1.2 on each loaded page: <html lang>, the switcher's links, and under /en/ the
    Swedish that editors wrote inside lang="sv"."""

    def __init__(self, world, statement):
        self.needles = swedish_texts(world, statement)
        self.seen: set[str] = set()

    def problems(self, tab, visit: Visit) -> list[str]:
        found = tab.evaluate(LANGUAGE_SCRIPT, self.needles)
        where = f"{visit.name} ({visit.path})"
        problems = []
        if found["html"] != visit.language:
            problems.append(f"{where}: <html lang={found['html']!r}>, expected {visit.language!r}")
        if not found["switcher"]:
            problems.append(f"{where}: no language switcher")
        for link in found["switcher"]:
            if link["lang"] != link["hreflang"] or link["lang"] == visit.language:
                problems.append(f"{where}: language switcher link {link} must carry the lang it leads to")
        if visit.language == "en":
            self.seen.update(hit["needle"] for hit in found["found"])
            problems += [
                f"{where}: Swedish text {hit['needle']!r} in <{hit['tag']}> has lang={hit['lang']!r}"
                for hit in found["found"]
                if hit["lang"] != "sv"
            ]
            if visit.editor_content and not found["found"]:
                problems.append(f"{where}: no editor-written text found; is the check still looking?")
        return problems

