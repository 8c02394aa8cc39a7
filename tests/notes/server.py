"""One real server process (daphne, sakrad.asgi) on the test's data, on SQLite as on PostgreSQL.

A crash in native code (pycrdt's decoder) kills a process, not a coroutine: only a process of its own
shows that the server survives. On PostgreSQL it serves the test database itself. SQLite's test
database lives in this process's memory, so it is copied to a file the server opens, and copied back
when the server has stopped: the test then reads what the server stored through the ORM as usual.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

from django.db import connection

from tests.notes.workers import SETTINGS, Worker, database_url


def _env(database: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": database,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    return env


@contextlib.contextmanager
def notes_server(tmp_path: Path) -> Iterator[Worker]:
    """A started server process; the test's committed rows are what it sees."""
    copy: Path | None = None
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = tmp_path / "server.sqlite3"
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)
        database = f"sqlite:///{copy}"
    else:
        database = database_url(connection.settings_dict)
    worker = Worker("server", _env(database), f"sakrad-test-{uuid.uuid4().hex[:12]}", tmp_path, set())
    try:
        worker.start().wait_listening()
        yield worker
    finally:
        worker.kill()
        if copy is not None:
            with sqlite3.connect(copy) as source:
                source.backup(connection.connection)
