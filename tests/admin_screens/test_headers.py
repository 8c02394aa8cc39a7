"""Each screen of a consultation says which consultation it is about, leads back to it and across to
its other screens: the tester found them all headed "Start", the name only in the tab title."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import translation

from tests.utils import html
from tests.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    """One world for the module (tests/world.py): these tests only read it."""
    return shared_world


@dataclass(frozen=True)
class Screen:
    heading: str  # in Swedish, as the organiser reads it
    url_name: str
    page: Callable[[World], object]  # the page whose id is in the address
    consultation: Callable[[World], object]

    def url(self, world: World) -> str:
        return reverse(self.url_name, args=[self.page(world).pk])


SCREENS = {
    "groups": Screen("Grupper", "breakouts_admin:groups", lambda w: w.consultation, lambda w: w.consultation),
    "compile": Screen(
        "Sammanställ minnesanteckningar",
        "minutes_admin:compile",
        lambda w: w.held_consultation,
        lambda w: w.held_consultation,
    ),
    "working group": Screen(
        "Arbetsgrupp", "working_groups_admin:index", lambda w: w.draft, lambda w: w.draft
    ),
    "open input": Screen(
        "Öppet inspel",
        "open_input_admin:index",
        lambda w: w.other_consultation,
        lambda w: w.other_consultation,
    ),
    "registry": Screen(
        "Diarium och arkiv", "records_admin:consultation", lambda w: w.consultation, lambda w: w.consultation
    ),
    "duplicate": Screen(
        "Kopiera som nästa sakråd",
        "consultations_admin:duplicate",
        lambda w: w.consultation,
        lambda w: w.consultation,
    ),
    "corrections": Screen(
        "Rättelser från deltagarna",
        "corrections_admin:index",
        lambda w: w.draft_minutes,
        lambda w: w.held_consultation,
    ),
    "representation": Screen(
        "Representation",
        "representation_admin:consultation",
        lambda w: w.consultation,
        lambda w: w.consultation,
    ),
}


def _sv(msgid: str) -> str:
    # Our new labels, as the Swedish catalogue has them once merged (English until then).
    with translation.override("sv"):
        return translation.gettext(msgid)


def _visible_h1(page) -> str:
    headings = [h for h in page.find_all("h1") if "w-sr-only" not in (h.get("class") or [])]
    assert len(page.find_all("h1")) == 1, "one h1 a page"
    assert len(headings) == 1, "the heading is on the screen, not only for screen readers"
    return " ".join(headings[0].get_text(" ").split())


def _nav(page):
    nav = page.find("nav", class_="consultation-screens")
    assert nav is not None and nav["aria-label"], "a named landmark"
    return nav


@pytest.mark.parametrize("name", SCREENS)
def test_the_heading_names_the_screen_and_the_consultation(world, organiser, name):
    screen = SCREENS[name]
    response = organiser.get(screen.url(world))
    assert response.status_code == 200
    heading = _visible_h1(html(response))
    assert screen.heading in heading
    assert screen.consultation(world).title in heading
    assert heading != "Start"


@pytest.mark.parametrize("name", SCREENS)
def test_the_breadcrumbs_lead_back_to_the_consultation(world, organiser, name):
    screen = SCREENS[name]
    page = html(organiser.get(screen.url(world)))
    crumbs = page.find(attrs={"data-w-breadcrumbs": True})
    edit = reverse("wagtailadmin_pages:edit", args=[screen.consultation(world).pk])
    back = crumbs.find("a", href=edit)
    assert back is not None and screen.consultation(world).title in back.get_text()
    assert screen.heading in crumbs.get_text(), "the last crumb is this screen"


@pytest.mark.parametrize("name", SCREENS)
def test_each_screen_links_to_the_others_and_marks_itself(world, organiser, name):
    screen = SCREENS[name]
    consultation = screen.consultation(world)
    nav = _nav(html(organiser.get(screen.url(world))))
    links = {a["href"]: a for a in nav.find_all("a")}
    current = [a for a in nav.find_all("a") if a.get("aria-current") == "page"]
    assert [a["href"] for a in current] == [screen.url(world)]
    for other in ("breakouts_admin:groups", "minutes_admin:compile", "records_admin:consultation"):
        assert reverse(other, args=[consultation.pk]) in links, other
    assert reverse("breakouts:plenary", args=[consultation.pk]) in links


def test_the_groups_screen_links_to_each_group_page_and_to_the_wall(world, organiser):
    page = html(organiser.get(reverse("breakouts_admin:groups", args=[world.consultation.pk])))
    group_page = reverse("breakouts:group", args=[world.breakout_group.pk])
    assert page.find("a", href=group_page) is not None
    wall = _nav(page).find("a", href=reverse("breakouts:plenary", args=[world.consultation.pk]))
    assert wall is not None and _sv("Plenary wall") in wall.get_text()
    # The links lead somewhere the organiser may go.
    assert organiser.get(group_page).status_code == 200
    assert organiser.get(wall["href"]).status_code == 200


def test_the_minutes_draft_is_one_click_from_compile_and_corrections(world, organiser):
    edit = reverse("wagtailadmin_pages:edit", args=[world.draft_minutes.pk])
    for url in (
        reverse("minutes_admin:compile", args=[world.held_consultation.pk]),
        reverse("corrections_admin:index", args=[world.draft_minutes.pk]),
    ):
        link = _nav(html(organiser.get(url))).find("a", href=edit)
        assert link is not None and _sv("Minutes draft") in link.get_text(), url
