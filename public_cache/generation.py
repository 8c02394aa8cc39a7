"""The cache generation: a token every stored page carries. A write anywhere public pages read from
replaces it, so every page stored before is stale at once, in every worker (the token lives in the
shared cache: Redis in production).

The token is the time of the write in nanoseconds (hex): never reused, even when the cache has
evicted it, and it doubles as the pages' Last-Modified.

The embedded default keeps the cache in each process's memory. There a bump is also written to
SAKRAD_PUBLIC_CACHE_GENERATION_FILE, beside the SQLite database, and every lookup takes the newer of
the two tokens: a write made in another process (`publish_scheduled` from cron, a shell) shows on
the server's next request, as it does with Redis.

A bump that cannot reach Redis is owed: the process settles it at its next lookup, and with stored
jobs (production) a job settles it too, tried every few seconds until Redis answers, so the debt
outlives a process that exits first (`publish_scheduled` from cron).
"""

import logging
import os
import time
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import timezone
from django_tasks import task
from redis.exceptions import RedisError

KEY = "public-cache:generation"
# What the cache may raise when Redis is away: pages are then rendered, never refused.
UNREACHABLE = (RedisError, OSError)
log = logging.getLogger(__name__)
# A write whose bump did not reach the cache: the next lookup in this process bumps first.
_owed = False
# This process has queued a job for its debt: one per outage, not one per write made during it (the
# job tries again by itself until Redis answers).
_debt_queued = False
DEBT_RETRY_SECONDS = 5


def generation_bump() -> bool:
    """Replaces the token; False when the cache could not be reached (the bump is then owed)."""
    global _debt_queued
    if _bump():
        return True
    if not _debt_queued:
        _debt_queued = _debt_queue()
    return False


@task()
def generation_bump_task() -> bool:
    """An owed bump, tried every few seconds until Redis answers: one job carries a whole outage."""
    if _bump():
        return True
    _debt_queue()
    return False


def _bump() -> bool:
    global _owed, _debt_queued
    token = format(time.time_ns(), "x")
    _file_write(token)
    try:
        cache.set(KEY, token, timeout=None)
    except UNREACHABLE:
        _owed = True
        log.warning(
            "public cache: could not replace the generation (is Redis up?); pages are rendered afresh "
            "meanwhile, and the change shows once it answers"
        )
        return False
    _owed = _debt_queued = False
    return True


def _debt_queue() -> bool:
    """Queues the next try of an owed bump; False with no stored jobs (`make run`: the process's own
    debt is all there is) or no database to store it in."""
    if not generation_bump_task.get_backend().supports_defer:
        return False
    run_after = timezone.now() + timedelta(seconds=DEBT_RETRY_SECONDS)
    try:
        generation_bump_task.using(run_after=run_after).enqueue()
    except DatabaseError:
        log.warning("public cache: could not queue the owed generation bump", exc_info=True)
        return False
    return True


def generation_latest(current: str | None) -> str | None:
    """The cache's token, or another process's newer one from the generation file (adopted)."""
    theirs = _file_read()
    if theirs is None or (current and int(theirs, 16) <= int(current, 16)):
        return current
    cache.set(KEY, theirs, timeout=None)
    return theirs


def _file() -> Path | None:
    path = settings.SAKRAD_PUBLIC_CACHE_GENERATION_FILE
    return Path(path) if path else None


def _file_write(token: str) -> None:
    path = _file()
    if path is None:
        return
    # Replaced whole, so a reader never sees half a token.
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    try:
        partial.write_text(token)
        partial.replace(path)
    except OSError:
        log.warning("public cache: could not write %s; other processes keep their pages", path)


def _file_read() -> str | None:
    path = _file()
    if path is None:
        return None
    try:
        token = path.read_text().strip()
        int(token, 16)
    except (OSError, ValueError):
        return None
    return token


def generation_settle_debt() -> None:
    if _owed:
        generation_bump()


def generation_or_new(current: str | None) -> str:
    """The token read with a page lookup, or a fresh one when the cache holds none (a new or evicted
    cache): `add` so that two workers starting at once agree on one."""
    if current:
        return current
    token = format(time.time_ns(), "x")
    return token if cache.add(KEY, token, timeout=None) else (cache.get(KEY) or token)
