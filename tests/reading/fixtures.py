"""`grown_world`: the module's shared world with one unit of content (tests/reading/growth.py).

A plugin of its own (`pytest_plugins = ["tests.reading.fixtures"]`) rather than a fixture imported by
name: a test taking an imported fixture reads to linters as a redefinition (F811)."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.reading.growth import grow
from tests.world import World


@pytest.fixture(scope="module")
def grown_world(_world_once, django_db_blocker) -> World:
    """Built once for the module and rolled back at its end; tests that use it only read, each in its
    own savepoint (the django_db mark)."""
    with django_db_blocker.unblock(), transaction.atomic():
        grow(_world_once, range(1))
        yield _world_once
        transaction.set_rollback(True)
