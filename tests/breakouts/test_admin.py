"""The organisers' groups screen: assign, move by hand, open and close note-taking."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import User
from breakouts.models import BreakoutGroup, GroupMembership, NoteTaking


@pytest.fixture
def admin_client(db) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser(email="chef@example.org", password="x-Lösenord-123456"))
    return client


def test_groups_screen_runs_the_services(admin_client, consultation, attend):
    url = reverse("breakouts_admin:groups", args=[consultation.pk])
    people = [attend() for _ in range(4)]
    assert admin_client.get(url).status_code == 200

    admin_client.post(url, {"action": "assign", "n_groups": 2, "source": "accepted"})
    groups = list(BreakoutGroup.objects.filter(consultation=consultation))
    assert len(groups) == 2 and GroupMembership.objects.count() == 4
    page = admin_client.get(url).content.decode()
    assert groups[0].name in page and people[0].email in page

    someone = GroupMembership.objects.filter(group=groups[0]).first().user
    admin_client.post(url, {"action": "move", "user": someone.pk, "group": groups[1].pk})
    assert GroupMembership.objects.get(user=someone).group == groups[1]
    admin_client.post(url, {"action": "move", "user": someone.pk, "group": ""})
    assert not GroupMembership.objects.filter(user=someone).exists()

    admin_client.post(url, {"action": "open"})
    assert NoteTaking.objects.get(consultation=consultation).is_open
    admin_client.post(url, {"action": "close", "confirm": "1"})
    assert not NoteTaking.objects.get(consultation=consultation).is_open


def test_an_impossible_assignment_is_explained(admin_client, consultation, attend):
    from tests.factories import OrganisationFactory

    big = OrganisationFactory()
    for _ in range(3):
        attend(big)
    url = reverse("breakouts_admin:groups", args=[consultation.pk])
    response = admin_client.post(url, {"action": "assign", "n_groups": 2, "source": "accepted"}, follow=True)
    assert response.status_code == 200
    assert not GroupMembership.objects.exists()
    assert "3" in response.content.decode() and BreakoutGroup.objects.count() == 0


def test_snippet_edit_form_opens(admin_client, consultation):
    from breakouts.services import breakout_group_create

    group = breakout_group_create(consultation=consultation, name="A")
    assert (
        admin_client.get(reverse("wagtailsnippets_breakouts_breakoutgroup:edit", args=[group.pk])).status_code
        == 200
    )
    assert admin_client.get(reverse("wagtailsnippets_breakouts_breakoutgroup:add")).status_code == 200
