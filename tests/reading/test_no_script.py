"""Reading needs no JavaScript: every public page type, served to an anonymous visitor, carries no
<script> element and no inline event handler, and its content is in the HTML itself (nothing is
rendered in the browser). The minutes feed's entries hold none either."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tests.reading.page_types import PAGE_TYPES, PAGE_TYPES_BY_NAME, PageType
from tests.utils import text_of
from tests.world import World

pytest_plugins = ["tests.reading.fixtures"]
pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"

# What a reader comes for on each page, as it reads in the served HTML (tests/reading/growth.py).
CONTENT = {
    "home": lambda world: ["Kommande sakråd 0-0", "Minnesanteckningar 0-0"],
    "consultation_index": lambda world: ["Hållet sakråd 0-0", "Kommande sakråd 0-1"],
    "consultation_index_filtered": lambda world: ["Hållet sakråd 0-0", world.consultation.title],
    "consultation": lambda world: ["Talare 0-0", "Fråga 0-0?", "Förening inbjuden 0 0", "Medskick 0-0"],
    "minutes": lambda world: ["Medskick 0-0", "Punkt 0-0 om integration", "Åtgärd 0-0."],
    "annual_cycle": lambda world: [world.consultation.title, "Hållet sakråd 0-1"],
    "standard_page": lambda world: ["Stycke 0."],
    "search": lambda world: [world.consultation.title, "Minnesanteckningar 0-0"],
}
HTML_PAGE_TYPES = [row for row in PAGE_TYPES if row.kind == "html"]


def scripting(document: BeautifulSoup) -> list[str]:
    """Script elements, inline event handlers and javascript: URLs in a document."""
    found = [f"<script> {node.get('src', '(inline)')}" for node in document.find_all("script")]
    for node in document.find_all(True):
        found += [f"<{node.name} {name}=…>" for name in node.attrs if name.lower().startswith("on")]
        for name in ("href", "src", "action", "formaction"):
            if str(node.get(name, "")).strip().lower().startswith("javascript:"):
                found.append(f"<{node.name} {name}={node[name]}>")
    return found


def test_every_html_page_type_has_its_content_listed():
    assert {row.name for row in HTML_PAGE_TYPES} == set(CONTENT)


@pytest.mark.parametrize("page_type", HTML_PAGE_TYPES, ids=lambda row: row.name)
def test_page_reads_without_javascript(grown_world: World, page_type: PageType):
    response = Client().get(page_type.path(grown_world), page_type.params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    document = BeautifulSoup(response.content.decode(), "html.parser")
    assert scripting(document) == []
    text = text_of(document.find("main"))
    missing = [expected for expected in CONTENT[page_type.name](grown_world) if expected not in text]
    assert missing == [], f"not in the served HTML of {page_type.name}"


def test_feed_entries_carry_no_script(grown_world: World):
    response = Client().get(PAGE_TYPES_BY_NAME["minutes_feed"].path(grown_world))
    feed = ET.fromstring(response.content)  # noqa: S314  (our own response)
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    # Named with its consultation: the world's minutes are titled just "Minnesanteckningar".
    assert grown_world.minutes.listing_title in titles
    summaries = [entry.findtext(f"{ATOM}summary") or "" for entry in entries]
    assert any("Åtgärd 0-0." in summary for summary in summaries)
    for summary in summaries:
        assert scripting(BeautifulSoup(summary, "html.parser")) == []
