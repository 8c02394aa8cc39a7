"""The group page and the plenary wall lead the staff who run the day back to the groups screen; a
participant, who has no admin, is shown no such link."""

from __future__ import annotations

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


def _sv(msgid: str) -> str:
    with translation.override("sv"):
        return translation.gettext(msgid)


def _public_pages(world: World) -> dict[str, str]:
    return {
        "group page": reverse("breakouts:group", args=[world.breakout_group.pk]),
        "plenary wall": reverse("breakouts:plenary", args=[world.consultation.pk]),
    }


@pytest.mark.parametrize("page_name", ["group page", "plenary wall"])
def test_the_organiser_is_led_back_to_the_groups_screen(world, page_name):
    organiser = world.client_for("organiser")
    response = organiser.get(_public_pages(world)[page_name])
    assert response.status_code == 200
    groups_screen = reverse("breakouts_admin:groups", args=[world.consultation.pk])
    link = html(response).find("a", href=groups_screen)
    assert link is not None, "a link back to the groups screen"
    assert _sv("Back to the groups in the admin") in link.get_text()
    assert organiser.get(groups_screen).status_code == 200, "a link the organiser may follow"


def test_a_participant_in_the_group_sees_no_admin_link(world):
    member = world.client_for("group_member")
    response = member.get(_public_pages(world)["group page"])
    assert response.status_code == 200
    page = html(response)
    assert page.find("a", href=lambda href: href and "/admin/" in href) is None
    assert _sv("Back to the groups in the admin") not in page.get_text()


@pytest.mark.parametrize("role", ["group_member", "participant", "approver"])
def test_those_who_do_not_run_the_day_do_not_get_the_wall(world, role):
    """The wall stays the organisers' page: its new link is not a way in for anyone else."""
    response = world.client_for(role).get(_public_pages(world)["plenary wall"])
    assert response.status_code in (403, 404)
    assert reverse("breakouts_admin:groups", args=[world.consultation.pk]) not in response.content.decode()
