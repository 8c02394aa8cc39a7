"""A Redis and a PostgreSQL of a test's own, to stop and start again while workers use them.

The machine's Redis and PostgreSQL are shared with every other test run (xdist workers, other
checkouts, CI): a test must never restart those. These listen on a free port of their own, keep
their files under the test's temporary folder, and are gone when the test ends.

PostgreSQL refuses to run as root (CI runs as root): then initdb and pg_ctl run as the `postgres`
user, in a folder that user owns (pytest's temporary folders are root's alone).
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from tests.notes.workers import free_port

START_TIMEOUT = 20.0
POSTGRES_USER = "postgres"


def _wait_listening(port: int, process_alive, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not process_alive():
            raise RuntimeError(f"{what} exited before it listened")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} is not listening after {timeout} s")


class RedisServer:
    """redis-server on a free port, without persistence (the layer and cache keep nothing that
    must outlive a restart: that is the point of the test)."""

    def __init__(self, folder: Path):
        self.folder, self.port = folder, free_port()
        self.log = folder / "redis.log"
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not on PATH (apt-get install redis-server)")
        command = [binary, "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (the machine's redis-server, our arguments)
                command, cwd=self.folder, stdout=log, stderr=subprocess.STDOUT
            )
        _wait_listening(self.port, lambda: self.process.poll() is None, START_TIMEOUT, "redis-server")
        return self

    def stop(self) -> None:
        """SIGTERM, as `systemctl restart redis` does: connections drop, pub/sub subscriptions with them."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=START_TIMEOUT)


def _postgres_bin(name: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if found:
        return str(found[-1])  # the newest installed
    path = shutil.which(name)
    if path is None:
        raise RuntimeError(f"{name} not found (apt-get install postgresql)")
    return path


class PostgresServer:
    """A PostgreSQL cluster of its own (initdb), trust authentication on 127.0.0.1, one database."""

    def __init__(self, folder: Path, database: str = "sakrad"):
        self.as_root = os.geteuid() == 0
        # pytest's tmp_path is readable by root alone; PostgreSQL's user needs a folder it owns.
        self.folder = Path(tempfile.mkdtemp(prefix="sakrad-pg-")) if self.as_root else folder
        self.data, self.port, self.database = self.folder / "data", free_port(), database
        self.log = self.folder / "postgres.log"

    @property
    def url(self) -> str:
        return f"postgres://{POSTGRES_USER}@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *command: str) -> None:
        if self.as_root:
            command = ("runuser", "-u", POSTGRES_USER, "--", *command)
        subprocess.run(command, check=True, capture_output=True, timeout=60)  # noqa: S603

    def create(self) -> PostgresServer:
        if self.as_root:
            user = pwd.getpwnam(POSTGRES_USER)
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        # fsync off and no sync after initdb: a test's cluster is thrown away (and it is what the
        # restart loses that the test is about, not the disk).
        initdb = _postgres_bin("initdb")
        self._run(initdb, "-D", str(self.data), "-U", POSTGRES_USER, "-A", "trust", "-E", "UTF8", "--no-sync")
        return self.start()

    def start(self) -> PostgresServer:
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} -c fsync=off"
        self._pg_ctl("-o", options, "-l", str(self.log), "-w", "start")
        return self

    def stop(self) -> None:
        """pg_ctl's fast shutdown, as `systemctl restart postgresql` does: every session is ended,
        transactions under way are rolled back."""
        self._pg_ctl("-m", "fast", "-w", "stop")

    def _pg_ctl(self, *arguments: str) -> None:
        self._run(_postgres_bin("pg_ctl"), "-D", str(self.data), *arguments)

    def load(self, source_url: str) -> None:
        """The database as a copy of `source_url`'s: schema and rows (pg_dump piped into psql)."""
        psql = [_postgres_bin("psql"), "-q", "-v", "ON_ERROR_STOP=1"]
        admin = f"postgres://{POSTGRES_USER}@127.0.0.1:{self.port}/postgres"
        create = [*psql, admin, "-c", f'CREATE DATABASE "{self.database}"']
        subprocess.run(create, check=True, capture_output=True, timeout=60)  # noqa: S603
        dump_command = [_postgres_bin("pg_dump"), "--no-owner", "--no-privileges", source_url]
        dump = subprocess.Popen(dump_command, stdout=subprocess.PIPE)  # noqa: S603
        try:
            subprocess.run(  # noqa: S603
                [*psql, self.url], stdin=dump.stdout, check=True, capture_output=True, timeout=120
            )
        finally:
            dump.stdout.close()
            if dump.wait(timeout=60) != 0:
                raise RuntimeError(f"pg_dump of {source_url} failed")

    def destroy(self) -> None:
        with contextlib.suppress(Exception):
            self._pg_ctl("-m", "immediate", "-w", "stop")
        if self.as_root:
            shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def private_redis(folder: Path) -> Iterator[RedisServer]:
    server = RedisServer(folder).start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def private_postgres(folder: Path) -> Iterator[PostgresServer]:
    server = PostgresServer(folder)
    try:
        yield server.create()
    finally:
        server.destroy()
