"""How the notes sockets reach the database without queueing behind each other.

Channels' `database_sync_to_async` runs every call of a process on one thread; with hundreds of
sockets their appends and checks wait in one line (docs/benchmarks.md). On PostgreSQL the sockets
use a small pool of threads instead, each with its own connection. SQLite keeps the one thread: it
has one writer anyway, and tests there share one in-memory connection.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import psycopg
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.conf import settings
from django.db import connection, connections

logger = logging.getLogger(__name__)

T = TypeVar("T")

_executor: ThreadPoolExecutor | None = None


def _pool_size() -> int:
    if connection.vendor == "sqlite":
        return 0
    return getattr(settings, "NOTES_DATABASE_THREADS", 4)


def _pool() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        _executor = ThreadPoolExecutor(max_workers=_pool_size(), thread_name_prefix="notes-db")
    return _executor


def _with_fresh_connection(func):
    @functools.wraps(func)
    def call(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        finally:
            _close_if_broken_or_old()

    return call


def _close_if_broken_or_old() -> None:
    """Channels' `close_old_connections()` before and after every call also makes the next query
    run a health check (`SELECT 1`): a round trip per keystroke. Closing only a connection that
    failed or outlived CONN_MAX_AGE keeps what matters of it."""
    now = time.monotonic()
    for conn in connections.all(initialized_only=True):
        if conn.errors_occurred or (conn.close_at is not None and now >= conn.close_at):
            conn.close_if_unusable_or_obsolete()


def notes_db(func):
    """`func` as a coroutine function run off the event loop."""
    if _pool_size() == 0:
        return database_sync_to_async(func)
    return sync_to_async(_with_fresh_connection(func), thread_sensitive=False, executor=_pool())


class LogDatabase:
    """Connections of the sockets' event loop to PostgreSQL, for appending to the logs there
    (notes/services/append.py): asyncio psycopg, outside Django's connection handling, so a commit's
    round trips wait on the loop rather than in a thread that must win the interpreter's lock back
    after each of them."""

    def __init__(self):
        self.idle: list = []

    @staticmethod
    def available() -> bool:
        return connection.vendor == "postgresql"

    async def acquire(self):
        return self._idle() or await self._connect()

    def release(self, database) -> None:
        if database.closed or database.broken:
            return
        self.idle.append(database)

    async def run(self, work: Callable[[Any], Awaitable[T]]) -> T:
        """`await work(connection)` on an idle connection, else a new one.

        An idle connection learns only when it is next used that PostgreSQL restarted meanwhile (or
        dropped it): then `work` runs once more on a new connection, so the first update after a
        restart is stored rather than refused. Work on a connection that broke while the commit was
        under way may have been committed all the same; storing an update twice is harmless (a Yjs
        update that repeats adds nothing, the first writer of a client id stays)."""
        database = self._idle()
        if database is not None:
            try:
                return await work(database)
            except psycopg.OperationalError:
                if not database.broken:
                    raise
                logger.warning("a notes log connection was lost (PostgreSQL restarted?): trying a new one")
            finally:
                self.release(database)
        database = await self._connect()
        try:
            return await work(database)
        finally:
            self.release(database)

    def _idle(self):
        while self.idle:
            database = self.idle.pop()
            if not (database.closed or database.broken):
                return database
        return None

    async def _connect(self):
        params = connections["default"].get_connection_params()
        params.pop("cursor_factory", None)  # Django's, for its own synchronous cursors
        return await psycopg.AsyncConnection.connect(**params, autocommit=True)
