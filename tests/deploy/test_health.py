"""/healthz and /readyz as a load balancer and the person on call see them."""

import datetime as dt

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone

from outbox.models import OutboxMail, QueueWorker
from sakrad.health import readyz

# Nothing listens on port 1: connecting fails at once, as with a Redis that is down.
REDIS_DOWN = "redis://127.0.0.1:1/0"
ALL_OK = {"database": "ok", "cache": "ok", "channel_layer": "ok", "queue": "ok"}


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
    assert response.content == b'{"database": "ok", "cache": "failed", "channel_layer": "ok", "queue": "ok"}'


@pytest.mark.django_db
@override_settings(CHANNEL_LAYERS={"default": {"BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
                                               "CONFIG": {"hosts": [REDIS_DOWN]}}})
def test_readyz_names_the_channel_layer_when_it_cannot_be_reached():
    response = readyz(RequestFactory().get("/readyz"))
    assert response.status_code == 503
    assert response.content == b'{"database": "ok", "cache": "ok", "channel_layer": "failed", "queue": "ok"}'


@pytest.mark.django_db
def test_readyz_reports_a_stopped_job_worker_without_taking_the_web_worker_out(client, settings):
    # With stored jobs, mail waits for `manage.py jobs_worker`; the web worker still serves pages.
    settings.TASKS_BACKEND_STORES_JOBS = True
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["queue"].startswith("no worker: start `manage.py jobs_worker`")

    QueueWorker.objects.create(worker_id="w1", seen_at=timezone.now())
    assert client.get("/readyz").json()["queue"] == "ok"

    OutboxMail.objects.create(key="k", purpose="test", to=["a@example.org"])
    OutboxMail.objects.update(created_at=timezone.now() - dt.timedelta(hours=1))
    assert client.get("/readyz").json()["queue"] == "mail waiting too long: is the worker stuck?"

    QueueWorker.objects.update(seen_at=timezone.now() - dt.timedelta(minutes=5))
    assert client.get("/readyz").json()["queue"].startswith("no worker")
