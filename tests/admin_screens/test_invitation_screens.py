"""The invitation screens carry the same header as the consultation's other screens (heading with its
name, breadcrumbs back to it, links across), and check-in is one tap from the consultation's ⋯ menu:
the organiser at the door has a phone and no time for the invitation overview's own links."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from invitations.models import Attendee, Invitation, InvitationStatus
from organisations.models import Organisation
from staff_roles.groups import EDITORS
from staff_roles.services import staff_groups_ensure
from tests.utils import html
from tests.world import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    """One world for the module: each test still runs in its own savepoint and changes nothing lasting."""
    return shared_world


def _sv(msgid: str) -> str:
    with translation.override("sv"):
        return translation.gettext(msgid)


def _accepted(world: World) -> Invitation:
    return Invitation.objects.get(consultation=world.consultation, organisation=world.organisation)


def _waitlisted(world: World) -> Invitation:
    organisation = Organisation.objects.create(name="Förbundet Väntan", kind="association")
    return Invitation.objects.create(
        consultation=world.consultation, organisation=organisation, status=InvitationStatus.WAITLISTED
    )


def _attendee(world: World) -> Attendee:
    return Attendee.objects.create(
        invitation=_accepted(world),
        consultation=world.consultation,
        name="Bo Besökare",
        email="bo@example.org",
    )


# name -> (English msgid of the heading, url of the screen in world.consultation)
SCREENS: dict[str, tuple[str, Callable[[World], str]]] = {
    "overview": ("Invitations", lambda w: reverse("invitations_admin:index", args=[w.consultation.pk])),
    "list builder": (
        "Add organisations",
        lambda w: reverse("invitations_admin:build", args=[w.consultation.pk]),
    ),
    "sends": ("Sending progress", lambda w: reverse("invitations_admin:sends", args=[w.consultation.pk])),
    "check-in": ("Check-in", lambda w: reverse("invitations_admin:check_in", args=[w.consultation.pk])),
    "remove from the list": (
        "Remove from the list",
        lambda w: (
            reverse("invitations_admin:remove", args=[w.consultation.pk]) + f"?invitation={_accepted(w).pk}"
        ),
    ),
    "promote": (
        "Promote from waiting list",
        lambda w: (
            reverse("invitations_admin:promote", args=[w.consultation.pk])
            + f"?invitation={_waitlisted(w).pk}"
        ),
    ),
    "remove attendee": (
        "Remove attendee",
        lambda w: (
            reverse("invitations_admin:attendee_remove", args=[w.consultation.pk])
            + f"?attendee={_attendee(w).pk}"
        ),
    ),
}


def _visible_h1(page) -> str:
    assert len(page.find_all("h1")) == 1, "one h1 a page"
    headings = [h for h in page.find_all("h1") if "w-sr-only" not in (h.get("class") or [])]
    assert len(headings) == 1, "the heading is on the screen, not only for screen readers"
    return " ".join(headings[0].get_text(" ").split())


@pytest.mark.parametrize("name", SCREENS)
def test_each_invitation_screen_has_the_consultations_header(world, organiser, name):
    msgid, url_of = SCREENS[name]
    response = organiser.get(url_of(world))
    assert response.status_code == 200
    page = html(response)

    heading = _visible_h1(page)
    assert _sv(msgid) in heading and world.consultation.title in heading

    crumbs = page.find(attrs={"data-w-breadcrumbs": True})
    back = crumbs.find("a", href=reverse("wagtailadmin_pages:edit", args=[world.consultation.pk]))
    assert back is not None and world.consultation.title in back.get_text()
    overview = reverse("invitations_admin:index", args=[world.consultation.pk])
    if name != "overview":  # the screens under the overview lead back to it too
        assert crumbs.find("a", href=overview) is not None

    nav = page.find("nav", class_="consultation-screens")
    assert nav is not None
    links = {a["href"] for a in nav.find_all("a")}
    for other in ("breakouts_admin:groups", "records_admin:consultation", "invitations_admin:check_in"):
        assert reverse(other, args=[world.consultation.pk]) in links, other
    assert reverse("breakouts:plenary", args=[world.consultation.pk]) in links
    assert overview in links


def test_the_overview_and_check_in_mark_themselves_among_the_screens(world, organiser):
    for url_name in ("invitations_admin:index", "invitations_admin:check_in"):
        url = reverse(url_name, args=[world.consultation.pk])
        nav = html(organiser.get(url)).find("nav", class_="consultation-screens")
        assert [a["href"] for a in nav.find_all("a", attrs={"aria-current": "page"})] == [url]


def test_a_forged_id_on_a_confirmation_page_is_still_a_404(world, organiser):
    url = reverse("invitations_admin:remove", args=[world.consultation.pk])
    for value in ("", "abc", "-1", "99999999", "١٢", "9" * 40):
        assert organiser.get(url, {"invitation": value}).status_code == 404, value


# --- Check-in in the ⋯ menu -------------------------------------------------------------------------


def test_check_in_is_in_the_consultations_menu_for_the_organiser(world, organiser):
    check_in = reverse("invitations_admin:check_in", args=[world.consultation.pk])
    edit = html(organiser.get(reverse("wagtailadmin_pages:edit", args=[world.consultation.pk])))
    item = edit.find("a", href=check_in)
    assert item is not None and _sv("Check-in") in item.get_text()
    listing = organiser.get(reverse("wagtailadmin_explore", args=[world.index.pk])).content.decode()
    assert f'href="{check_in}"' in listing
    assert organiser.get(check_in).status_code == 200, "the item leads where the organiser may go"


def test_check_in_is_not_offered_to_those_who_may_not_check_people_in(world):
    """An editor edits the consultation's page (and so sees its ⋯ menu) but runs nothing on the day."""
    editor = User.objects.create_user(email="redaktor@example.org", password=None)
    editor.groups.add(staff_groups_ensure()[EDITORS])
    client = Client()
    client.force_login(editor)
    check_in = reverse("invitations_admin:check_in", args=[world.consultation.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[world.consultation.pk]))
    assert edit.status_code == 200
    assert check_in not in edit.content.decode()
    assert check_in not in client.get(reverse("wagtailadmin_explore", args=[world.index.pk])).content.decode()
    assert client.get(check_in).status_code == 403
    assert world.client_for("approver").get(check_in).status_code == 403


def test_check_in_is_not_offered_on_other_kinds_of_page(world, organiser):
    edit = organiser.get(reverse("wagtailadmin_pages:edit", args=[world.standard_page.pk])).content.decode()
    assert "/check-in/" not in edit
