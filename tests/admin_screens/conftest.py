"""The organiser of tests/world.py, a real member of the Organisers group (never the superuser)."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.world import World


@pytest.fixture
def organiser(world: World) -> Client:
    return world.client_for("organiser")
