"""The README's "run the day" as the demo's organiser does it (a real member of the Organisers group the
migration makes, never the superuser): Pages → the consultation → ⋯ → Grupper, deal people into groups,
open and close note-taking. The tester's report: the screen said 403 and Grupper was not in the menu."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from breakouts.models import BreakoutGroup, GroupMembership
from breakouts.selectors import note_taking_is_open
from tests.utils import html

pytestmark = pytest.mark.django_db


def sv(message: str) -> str:
    with translation.override("sv"):
        return translation.gettext(message)


REPLACE_UNCONFIRMED = sv(
    "Nothing was changed: the groups already have members. Tick the box to confirm that they are to be "
    "replaced."
)
CLOSE_UNCONFIRMED = sv(
    "Note-taking is still open. Tick the box to confirm that the groups are to stop writing."
)


@pytest.fixture
def world(shared_world):
    """One world for the module: each test runs in its own savepoint, so its changes go with it."""
    return shared_world


@pytest.fixture
def organiser(client_as):
    return client_as("organiser")


def _groups_url(world) -> str:
    return reverse("breakouts_admin:groups", args=[world.consultation.pk])


def _members(world) -> set[int]:
    return set(
        GroupMembership.objects.filter(consultation=world.consultation).values_list("user_id", flat=True)
    )


def _messages(response) -> str:
    return " ".join(message.get_text(" ", strip=True) for message in html(response).select(".messages li"))


def test_grupper_is_in_the_consultations_menu_and_opens_the_screen(world, organiser):
    edit = organiser.get(reverse("wagtailadmin_pages:edit", args=[world.consultation.pk]))
    links = [a for a in html(edit).select("a[href]") if a["href"] == _groups_url(world)]
    assert [a.get_text(" ", strip=True) for a in links] == ["Grupper"]

    screen = organiser.get(links[0]["href"])
    assert screen.status_code == 200
    page = html(screen)
    assert world.consultation.title in page.select_one("h1").get_text(" ", strip=True)
    assert page.select_one("#note-taking-heading").get_text(strip=True) == "Anteckningar"


def test_deals_the_attendees_into_groups(world, organiser):
    attendees = {world.user("participant").pk, world.user("group_member").pk}
    data = {"action": "assign", "n_groups": "2", "source": "accepted"}
    unconfirmed = organiser.post(_groups_url(world), data, follow=True)
    # The world's group already has a member: dealing again needs the box ticked, and changes nothing.
    assert REPLACE_UNCONFIRMED in _messages(unconfirmed)
    assert _members(world) == {world.user("group_member").pk}

    response = organiser.post(_groups_url(world), {**data, "confirm": "1"}, follow=True)
    assert response.status_code == 200
    assert _members(world) == attendees
    groups = BreakoutGroup.objects.filter(consultation=world.consultation)
    assert groups.count() == 2
    # Never two people of one organisation in one group.
    assert all(group.memberships.count() == 1 for group in groups)


@pytest.mark.parametrize("n_groups", ["0", "-3", "tre", "51", ""])
def test_a_wrong_number_of_groups_changes_nothing_and_says_why(world, organiser, n_groups):
    data = {"action": "assign", "n_groups": n_groups, "source": "accepted", "confirm": "1"}
    response = organiser.post(_groups_url(world), data, follow=True)
    assert response.status_code == 200
    assert "Välj antal grupper." in _messages(response)
    assert _members(world) == {world.user("group_member").pk}


def test_closes_note_taking_only_when_confirmed_and_opens_it_again(world, organiser):
    assert note_taking_is_open(consultation_id=world.consultation.pk)
    unconfirmed = organiser.post(_groups_url(world), {"action": "close"}, follow=True)
    assert CLOSE_UNCONFIRMED in _messages(unconfirmed)
    assert note_taking_is_open(consultation_id=world.consultation.pk)

    closed = organiser.post(_groups_url(world), {"action": "close", "confirm": "1"}, follow=True)
    assert not note_taking_is_open(consultation_id=world.consultation.pk)
    assert "Anteckningarna är stängda" in _messages(closed)
    assert html(closed).select_one('button[name="action"][value="open"]') is not None

    organiser.post(_groups_url(world), {"action": "open"})
    assert note_taking_is_open(consultation_id=world.consultation.pk)


def test_an_unknown_action_or_another_consultations_group_changes_nothing(world, organiser):
    response = organiser.post(_groups_url(world), {"action": "delete_everything"}, follow=True)
    assert "Okänd åtgärd." in _messages(response)
    other = BreakoutGroup.objects.create(consultation=world.other_consultation, name="Annan grupp")
    data = {"action": "move", "user": world.user("group_member").pk, "group": other.pk}
    assert organiser.post(_groups_url(world), data).status_code == 404
    assert not other.memberships.exists()
    assert _members(world) == {world.user("group_member").pk}
