import pytest


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs what the code queued for after the commit (the outbox's jobs)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
