"""/healthz and /readyz as a load balancer and the person on call see them."""

import pytest
from django.test import RequestFactory, override_settings

from sakrad.health import readyz

# Nothing listens on port 1: connecting fails at once, as with a Redis that is down.
REDIS_DOWN = "redis://127.0.0.1:1/0"
ALL_OK = {"database": "ok", "cache": "ok", "channel_layer": "ok"}


def test_healthz_answers_without_the_database(client):
    # No django_db mark: pytest-django fails any query, so this proves none is made.
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_reports_every_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == ALL_OK
    assert "no-store" in response["Cache-Control"]


def test_readyz_names_the_database_when_it_cannot_be_reached(client):
    # Without django_db every query is refused, as by a database that is down.
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {**ALL_OK, "database": "failed"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                                       "LOCATION": REDIS_DOWN}})
def test_readyz_names_the_cache_when_redis_is_down():
    # The view alone: the page cache in front of it would fail on the same Redis first.
    response = readyz(RequestFactory().get("/readyz"))
    assert response.status_code == 503
    assert response.content == b'{"database": "ok", "cache": "failed", "channel_layer": "ok"}'


@pytest.mark.django_db
@override_settings(CHANNEL_LAYERS={"default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                                               "CONFIG": {"hosts": [REDIS_DOWN]}}})
def test_readyz_names_the_channel_layer_when_it_cannot_be_reached():
    response = readyz(RequestFactory().get("/readyz"))
    assert response.status_code == 503
    assert response.content == b'{"database": "ok", "cache": "ok", "channel_layer": "failed"}'
