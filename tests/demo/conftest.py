"""The demo seeded once per module: seeding takes seconds (about ten on CI's machine), and a test per
feature that seeded its own demo cost CI minutes (docs/testing.md)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    """Rolled back at the module's end; each test still runs in its own savepoint (the `db` fixture),
    so no test sees another's changes."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed()
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(_seeded_once, db):
    return None
