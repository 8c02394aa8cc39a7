"""Each staff role reaches every screen of its job, and is refused the others' (tests/roles/screens.py;
docs/roles.md). The ⋯ menus offer each role exactly the screens it may open."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.roles.screens import CONSULTATION_MENU, MINUTES_MENU, Screen, case_id, cases

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]


@pytest.fixture
def world(shared_world):
    """One world for the module (tests/world.py, `shared_world`): these tests only read it."""
    return shared_world


@pytest.mark.parametrize(("screen", "role"), cases(allowed=True), ids=case_id)
def test_a_role_opens_the_screens_of_its_job(world, client_as, screen: Screen, role):
    response = client_as(role).get(screen.path(world))
    assert response.status_code == 200, f"{role} on {screen}: {response.status_code}"


@pytest.mark.parametrize(("screen", "role"), cases(allowed=False), ids=case_id)
def test_a_role_is_refused_the_others_screens(world, client_as, screen: Screen, role):
    response = client_as(role).get(screen.path(world))
    assert response.status_code == screen.refusal, f"{role} on {screen}: {response.status_code}"
    if screen.refusal == 302:  # Wagtail's bounce: to the dashboard, not to a login form
        assert response["Location"] == reverse("wagtailadmin_home")


def _menu_links(content: str, page_pk: int, menu: dict[str, str]) -> set[str]:
    return {label for label, pattern in menu.items() if reverse(pattern, args=[page_pk]) in content}


def test_the_organiser_finds_every_screen_in_the_menus(world, client_as):
    client = client_as("organiser")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[world.consultation.pk])).content.decode()
    assert _menu_links(edit, world.consultation.pk, CONSULTATION_MENU) == set(CONSULTATION_MENU)
    listing = client.get(reverse("wagtailadmin_explore", args=[world.index.pk])).content.decode()
    assert _menu_links(listing, world.consultation.pk, CONSULTATION_MENU) == set(CONSULTATION_MENU)
    minutes = client.get(reverse("wagtailadmin_pages:edit", args=[world.draft_minutes.pk])).content.decode()
    assert _menu_links(minutes, world.draft_minutes.pk, MINUTES_MENU) == set(MINUTES_MENU)


def test_the_groups_item_is_in_the_consultation_menu_in_swedish(world, client_as):
    """The tester's report: "Grupper" was missing from the ⋯ menu, and the screen said 403."""
    edit = client_as("organiser").get(reverse("wagtailadmin_pages:edit", args=[world.consultation.pk]))
    groups = reverse("breakouts_admin:groups", args=[world.consultation.pk])
    assert f'href="{groups}"' in edit.content.decode()
    assert client_as("organiser").get(groups).status_code == 200


def test_the_editor_is_offered_none_of_them(world, client_as):
    client = client_as("editor")
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[world.consultation.pk])).content.decode()
    assert _menu_links(edit, world.consultation.pk, CONSULTATION_MENU) == set()
    listing = client.get(reverse("wagtailadmin_explore", args=[world.index.pk])).content.decode()
    assert _menu_links(listing, world.consultation.pk, CONSULTATION_MENU) == set()
    minutes = client.get(reverse("wagtailadmin_pages:edit", args=[world.draft_minutes.pk])).content.decode()
    assert _menu_links(minutes, world.draft_minutes.pk, MINUTES_MENU) == set()


@pytest.mark.parametrize("role", ["approver", "editor"])
def test_only_organisers_see_representation_under_reports(world, client_as, role):
    index = reverse("representation_admin:index")
    assert index in client_as("organiser").get(reverse("wagtailadmin_home")).content.decode()
    assert index not in client_as(role).get(reverse("wagtailadmin_home")).content.decode()


def test_organisers_and_editors_choose_the_uploaded_documents_and_images(world, client_as):
    """Editors link to what organisers uploaded; Wagtail's chooser opens for any staff, but lists only
    what the role may choose: nothing for an approver."""
    chooser = reverse("wagtaildocs_chooser:choose")
    for role in ("organiser", "editor"):
        assert world.document.title in client_as(role).get(chooser).content.decode(), role
        assert client_as(role).get(reverse("wagtailimages_chooser:choose")).status_code == 200, role
    assert world.document.title not in client_as("approver").get(chooser).content.decode()
