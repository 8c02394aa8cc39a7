"""The suite runs where it says it runs: CI's second pass must really use PostgreSQL and Redis."""

import asyncio
import os

import pytest
from channels.layers import get_channel_layer
from django.core.cache import caches
from django.db import connection


@pytest.mark.django_db
def test_database_is_the_configured_one():
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone()[0] == 1


def test_channel_layer_delivers_a_message():
    layer = get_channel_layer()
    expected_backend = "RedisPubSubChannelLayer" if os.environ.get("REDIS_URL") else "InMemoryChannelLayer"
    assert type(layer).__name__ == expected_backend

    async def roundtrip():
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "probe", "text": "hej"})
        message = await asyncio.wait_for(layer.receive(channel), timeout=5)
        if hasattr(layer, "flush"):
            await layer.flush()
        return message

    assert asyncio.run(roundtrip())["text"] == "hej"


def test_cache_round_trip_uses_the_configured_backend():
    expected = "RedisCache" if os.environ.get("REDIS_URL") else "LocMemCache"
    cache = caches["default"]
    assert type(cache).__name__ == expected
    cache.set("sakrad-probe", {"value": 42}, 10)
    assert cache.get("sakrad-probe") == {"value": 42}
    cache.delete("sakrad-probe")
