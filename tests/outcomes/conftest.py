import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    # The follow rate limits and the public page cache live in the cache.
    cache.clear()
    yield
    cache.clear()
