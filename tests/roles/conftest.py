"""The staff roles, each as a real user in the groups as migration staff_roles 0001 makes them (never the
superuser, never a permission given here): the world's organiser and approver (tests/world.py), and an
editor made the same way."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from accounts.models import User
from staff_roles.groups import EDITORS
from staff_roles.services import staff_groups_ensure
from tests.world import PASSWORD, World

STAFF = ("organiser", "approver", "editor")


@pytest.fixture(autouse=True)
def staff_groups(db) -> dict[str, Group]:
    """The groups as the migration makes them, through the migration's own service: a transactional
    test run before these on the same worker (`--dist loadfile`) flushed the database, groups included."""
    return staff_groups_ensure()


@pytest.fixture
def editor(world: World, staff_groups) -> User:
    user = User.objects.create_user(email="redaktor@example.org", password=PASSWORD)
    user.groups.add(staff_groups[EDITORS])
    return user


@pytest.fixture
def staff(world: World, editor: User) -> dict[str, User]:
    return {"organiser": world.user("organiser"), "approver": world.user("approver"), "editor": editor}


@pytest.fixture
def client_as(staff):
    def client_for(role: str) -> Client:
        client = Client()
        client.force_login(staff[role])
        return client

    return client_for
