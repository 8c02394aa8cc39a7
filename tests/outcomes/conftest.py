import pytest
from django.core.cache import cache

from tests.minutes.workflow_helpers import staff


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The follow rate limits and the public page cache live in the cache.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def people(db):
    return staff()


@pytest.fixture
def organiser(people):
    return people[0]


@pytest.fixture
def approver(people):
    return people[1]
