"""An ASGI live server for browser tests that need websockets (pytest-django's live_server is WSGI).

Daphne serves `sakrad.asgi.application` — pages, static files and websockets — from a thread of the
test process, so it sees the test database on SQLite (in memory, shared between the connections of
one process) and on PostgreSQL alike; a subprocess could not open SQLite's in-memory test database.
The tests using it must be transactional (`django_db(transaction=True)`): the server's threads
have their own database connections and only see committed rows.

Twisted's reactor is process-wide and cannot be restarted, so the server is started once per test
session, on a free port, and stopped when the session ends.

    pytest_plugins = ["tests.browser.asgi_server"]

    def test_something(asgi_live_server, browser): ...
        asgi_live_server.url  # "http://127.0.0.1:<port>"
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass

import pytest
from django.db import connections


@dataclass(frozen=True)
class AsgiLiveServer:
    host: str
    port: int

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def _wait_until_listening(host: str, port: int, errors: list, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if errors:
            raise RuntimeError(f"Daphne did not start: {errors[0]!r}")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"Daphne did not listen on {host}:{port} within {timeout} s")


_server: AsgiLiveServer | None = None


@pytest.fixture(scope="session")
def asgi_live_server():
    """Daphne on 127.0.0.1:<free port>, serving sakrad.asgi.application from a thread."""
    global _server
    if _server is not None:  # pragma: no cover - the fixture is session-scoped
        yield _server
        return
    # daphne.server installs Twisted's asyncio reactor on import: import it before anything else
    # might import twisted.internet.reactor.
    from daphne.server import Server
    from twisted.internet import reactor

    from sakrad.asgi import application

    # The server's threads open their own database connections; with persistent connections
    # (CONN_MAX_AGE from DATABASE_URL) they would outlive the tests and keep PostgreSQL from
    # dropping the test database. Closed after each request and each consumer query instead.
    for alias in connections:
        connections.settings[alias]["CONN_MAX_AGE"] = 0

    host = "127.0.0.1"
    port = _free_port(host)
    server = Server(
        application=application,
        endpoints=[f"tcp:port={port}:interface={host}"],
        signal_handlers=False,
        verbosity=0,
        application_close_timeout=5,
    )
    errors: list[BaseException] = []

    def run():
        try:
            server.run()
        except BaseException as error:  # noqa: BLE001 - reported to the test thread
            errors.append(error)

    thread = threading.Thread(target=run, name="daphne-live-server", daemon=True)
    thread.start()
    _wait_until_listening(host, port, errors)
    _server = AsgiLiveServer(host=host, port=port)
    try:
        yield _server
    finally:
        reactor.callFromThread(server.stop)
        thread.join(timeout=10)
