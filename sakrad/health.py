"""/healthz and /readyz, for the proxy, the load balancer and whoever is on call.

/healthz only says the worker answers: it touches nothing else, so a database outage never gets
healthy workers restarted. /readyz checks what serving a page or a notes socket needs (the database,
the cache, the channel layer) and answers 503 naming what failed, so traffic goes elsewhere until it
is back. It also reports, without failing on it, what apps register (the job queue's worker).
Neither says anything about people, and neither may be cached.
"""

import asyncio
import logging
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Seconds: a channel layer slower than this is as good as down for the live notes.
CHANNEL_LAYER_TIMEOUT = 2


def database_answers() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_round_trip() -> bool:
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


async def publish_probe() -> None:
    # A message to a channel nobody listens on: with Redis, one PUBLISH the server must answer. A
    # fresh name each time, so the in-memory layer never fills a queue (its messages expire).
    send = get_channel_layer().send(f"readyz.{uuid.uuid4().hex}", {"type": "readyz.probe"})
    await asyncio.wait_for(send, CHANNEL_LAYER_TIMEOUT)


def channel_layer_reachable() -> bool:
    async_to_sync(publish_probe)()
    return True


CHECKS = {"database": database_answers, "cache": cache_round_trip, "channel_layer": channel_layer_reachable}

# Lines /readyz reports without making the worker unready: a stalled job queue must not take every
# web worker out of the load balancer. An app registers `name -> () -> str` ("ok" or what is wrong).
REPORTS = {}


def report_register(name: str, report) -> None:
    REPORTS[name] = report


def reported(name: str, report) -> str:
    try:
        return report()
    except Exception:
        logger.warning("Readiness report %s failed", name, exc_info=True)
        return "failed"


def passes(name: str, check) -> bool:
    try:
        return bool(check())
    except Exception:
        logger.warning("Readiness check %s failed", name, exc_info=True)
        return False


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_safe
def readyz(request):
    results = {name: "ok" if passes(name, check) else "failed" for name, check in CHECKS.items()}
    ready = all(result == "ok" for result in results.values())
    results.update((name, reported(name, report)) for name, report in REPORTS.items())
    return JsonResponse(results, status=200 if ready else 503)
