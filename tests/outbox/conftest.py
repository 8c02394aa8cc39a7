import pytest

from tests.minutes.workflow_helpers import staff


@pytest.fixture
def organiser(db):
    """A real organiser (the Organisers group), never a superuser."""
    return staff()[0]


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs what the code queued for after the commit (the outbox's jobs)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
