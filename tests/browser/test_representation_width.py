"""The representation overview's tables are never cut off on the right (issue 16): at desktop and at
phone width, each table fits its screen (always at desktop width) or scrolls sideways in a box of its
own, so its last column can be reached; the page itself does not run off the screen. Seen as the
organiser, who reads them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.browser.journeys.album import DESKTOP, PHONE
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.representation.conftest import YEAR, make_known

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

# For each table: whether its last header cell can be seen, by scrolling its own box if need be.
REACHABLE = """
() => [...document.querySelectorAll("main table")].map((table) => {
    const width = document.documentElement.clientWidth;
    let box = table.parentElement;
    while (box && box !== document.body && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) {
        box = box.parentElement;
    }
    const scrolls = box && box !== document.body;
    const right = scrolls ? box.getBoundingClientRect().right : width;
    const fits = table.getBoundingClientRect().right <= right + 1;
    if (scrolls) box.scrollLeft = box.scrollWidth;
    const last = table.querySelector("thead tr").lastElementChild.getBoundingClientRect();
    const edge = scrolls ? Math.min(width, box.getBoundingClientRect().right) : width;
    return {caption: table.caption ? table.caption.textContent.trim().slice(0, 40) : "",
            lastRight: Math.round(last.right), edge: Math.round(edge), scrolls, fits};
})
"""


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_tables_are_not_cut_off(world, tabs, size):
    known = make_known(world.index)
    tab = tabs(world.user("organiser"))
    tab.set_viewport_size(size)
    for url in (
        reverse("representation_admin:year", args=[YEAR]),
        reverse("representation_admin:consultation", args=[known.consultations[0].pk]),
    ):
        response = tab.goto(url)
        assert response.status == 200, url
        tables = tab.evaluate(REACHABLE)
        assert tables, f"no table on {url}"
        for table in tables:
            assert table["lastRight"] <= table["edge"] + 1, f"cut off on {url} at {size['width']} px: {table}"
            if size == DESKTOP:
                assert table["fits"], f"on a desktop screen the whole table shows at once, on {url}: {table}"
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{url} runs {overflow} px off the screen at {size['width']} px"
