"""Real ASGI worker processes for the multi-process notes tests, and a y-protocols client that talks to
them over a real websocket (the `websockets` package) the way y-websocket does in a browser.

Run as `python -m tests.notes.workers PREFIX PORT`, this module is one such worker: uvicorn serving
sakrad.asgi as deploy/serve runs it in production (a SIGTERM closes open sockets with 1012 and exits),
with the Redis channel layer under PREFIX. Redis pub/sub ignores database numbers, so only a prefix of
its own keeps a test's workers from hearing the groups of tests that run at the same time elsewhere
(xdist workers, another checkout), whose group ids may be the same numbers.

Nothing here may read Django settings at import time: the worker imports it before choosing them.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import quote

from pycrdt import Array, Doc, Map, Text, YMessageType, YSyncMessageType
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from notes.protocol import sync_step1, sync_step2, update_message
from notes.wire import Reader

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 40.0  # importing Django and Wagtail on a busy 2-core CI machine takes a while
STOP_TIMEOUT = 15.0  # uvicorn closes its sockets within GRACEFUL_SECONDS of a SIGTERM, then exits
GRACEFUL_SECONDS = 10  # deploy/serve's --timeout-graceful-shutdown
SETTINGS = "sakrad.settings.test"
RECONNECT_MAX_SECONDS = 1.0  # a test client's longest wait between tries (the page's: 10 s)
T = TypeVar("T")


# --- the worker processes ---------------------------------------------------------------------------


def free_port(taken: set[int] = frozenset()) -> int:
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in taken:
            return port


def database_url(settings_dict: dict) -> str:
    """The DATABASE_URL of a connection's database (pytest-django's test database, once created)."""
    if "postgresql" not in settings_dict["ENGINE"]:
        raise RuntimeError("worker processes need a database they can share: set DATABASE_URL")
    auth = quote(settings_dict.get("USER") or "", safe="")
    if settings_dict.get("PASSWORD"):
        auth += ":" + quote(settings_dict["PASSWORD"], safe="")
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{auth}@{host}:{port}/{quote(settings_dict['NAME'], safe='')}"


def worker_env(*, database: str, redis: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": database,
        "REDIS_URL": redis,
        "PYTHONUNBUFFERED": "1",
    }


class Worker:
    """One uvicorn process; `restart` starts a new process in its place, on the same port."""

    def __init__(self, name: str, env: dict[str, str], prefix: str, logs: Path, taken: set[int]):
        self.name, self.env, self.prefix, self.taken = name, env, prefix, taken
        self.log = logs / f"{name}.log"
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> Worker:
        if not self.port:  # a restarted worker answers where it did, as behind nginx
            self.port = free_port(self.taken)
            self.taken.add(self.port)
        command = [sys.executable, "-m", "tests.notes.workers", self.prefix, str(self.port)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        return self

    def wait_listening(self, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.log_tail()}")
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2):
                return
            time.sleep(0.1)
        raise RuntimeError(f"{self.name} is not listening after {timeout} s:\n{self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as when the machine or the OOM killer takes a worker."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        if self.process is not None:
            self.process.wait(timeout=10)

    def stop(self) -> int:
        """SIGTERM, as a deploy or systemd stops a worker: it closes its sockets (1012) and exits.
        Returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self.kill()
            raise RuntimeError(f"{self.name} did not stop on SIGTERM:\n{self.log_tail()}") from None

    def restart(self) -> None:
        self.kill()
        self.start().wait_listening()

    def log_tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


class Cluster:
    """Worker processes that share one database and one Redis, under a channel prefix of their own."""

    def __init__(self, *, database: str, redis: str, logs: Path, count: int = 2):
        env = worker_env(database=database, redis=redis)
        prefix = f"sakrad-test-{uuid.uuid4().hex[:12]}"
        taken: set[int] = set()
        self.workers = [Worker(f"worker{n + 1}", env, prefix, logs, taken) for n in range(count)]

    def start(self) -> Cluster:
        for worker in self.workers:  # all at once: each spends seconds importing
            worker.start()
        for worker in self.workers:
            worker.wait_listening()
        return self

    def stop(self) -> None:
        for worker in self.workers:
            with contextlib.suppress(Exception):
                worker.kill()

    @contextlib.contextmanager
    def running(self) -> Iterator[Cluster]:
        try:
            yield self.start()
        finally:
            self.stop()

    def ports(self, first: int) -> Callable[[], list[int]]:
        """Where a client of worker `first` connects: there, else the next (nginx's consistent hash
        passes a group on while its worker is down)."""
        return lambda: [self.workers[(first + n) % len(self.workers)].port for n in range(len(self.workers))]

    def run(self, scenario: Coroutine[None, None, T]) -> T:
        """Runs the clients' side of a test, with what the workers logged added to a failure."""
        try:
            return asyncio.run(scenario)
        except Exception as error:
            error.add_note(self.logs())
            raise

    def logs(self) -> str:
        return "\n".join(f"--- {worker.name}\n{worker.log_tail()}" for worker in self.workers)


def serve(prefix: str, port: int) -> None:
    """The worker process: the channel layer's prefix set before anything builds the layer, then
    uvicorn with deploy/serve's options."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS)
    from django.conf import settings

    layer = settings.CHANNEL_LAYERS["default"]
    if "redis" in layer["BACKEND"]:
        layer.setdefault("CONFIG", {})["prefix"] = prefix
    import uvicorn

    uvicorn.run(
        "sakrad.asgi:application",
        host="127.0.0.1",
        port=port,
        lifespan="off",
        access_log=False,
        ws_per_message_deflate=False,
        timeout_graceful_shutdown=GRACEFUL_SECONDS,
    )


# --- a y-websocket client over a real socket --------------------------------------------------------


class YClient:
    """A pycrdt document synced as y-websocket does: sync step 1 when it connects, step 2 in answer to
    the server's step 1, one update per local transaction. While offline its edits stay in the
    document only, and the next connection's sync step 2 carries them to the server."""

    def __init__(self, cookie: str):
        self.cookie = cookie
        self.doc = Doc()
        self.socket: ClientConnection | None = None
        self.reader: asyncio.Task | None = None
        self.port = 0  # the worker of the last connection
        self.synced = False  # the server's sync step 2 arrived on this connection
        self.closes: list[int | None] = []  # the close code of each connection that ended
        self.keeper: asyncio.Task | None = None

    @property
    def points(self) -> Array:
        return self.doc.get("points", type=Array)

    @property
    def online(self) -> bool:
        return self.reader is not None and not self.reader.done()

    async def connect(self, port: int, group_id: int) -> None:
        origin = f"http://127.0.0.1:{port}"
        self.socket = await connect(
            f"ws://127.0.0.1:{port}/ws/notes/{group_id}",
            origin=origin,
            additional_headers={"Cookie": self.cookie},
            open_timeout=10,
        )
        self.port, self.synced = port, False
        self.reader = asyncio.create_task(self._read(self.socket))
        await self.send(sync_step1(self.doc.get_state()))

    def stay_connected(self, group_id: int, ports: Callable[[], list[int]]) -> None:
        """Connects, and reconnects after every close as y-websocket does (with backoff, resending
        what the server lacks in sync step 2), except after a refusal (4400–4499), where it stops as
        y-websocket does. Each time to the first of `ports` that takes it: nginx passes a group to
        the next worker while its own is down."""
        self.keeper = asyncio.create_task(self._keep_connected(group_id, ports))

    async def _keep_connected(self, group_id: int, ports: Callable[[], list[int]]) -> None:
        failures = 0
        while True:
            if not await self._connect_any(group_id, ports()):
                failures += 1
                # As y-websocket: 100 ms × 2^failures, up to a ceiling.
                await asyncio.sleep(min(0.1 * 2**failures, RECONNECT_MAX_SECONDS))
                continue
            failures = 0
            await asyncio.wait([self.reader])  # not `await`: cancelling the keeper leaves the reader be
            code = self.socket.close_code
            self.closes.append(code)
            if code is not None and 4400 <= code < 4500:
                return

    async def _connect_any(self, group_id: int, ports: list[int]) -> bool:
        for port in ports:
            # Refused (nothing listens), or the handshake refused (the server could not read the
            # rights: its database or Redis away): the next, then later again.
            with contextlib.suppress(OSError, InvalidHandshake, TimeoutError):
                await self.connect(port, group_id)
                return True
        return False

    async def _read(self, ws: ClientConnection) -> None:
        # A killed server resets the connection: that ends the loop, and the client is offline.
        with contextlib.suppress(ConnectionClosed):
            async for frame in ws:
                reply = self.handle(frame)
                if reply is not None:
                    await self.send(reply)

    def handle(self, frame: bytes) -> bytes | None:
        reader = Reader(frame)
        if reader.var_uint() != YMessageType.SYNC:
            return None  # awareness and auth messages: not needed here
        step, payload = reader.var_uint(), reader.var_bytes()
        if step == YSyncMessageType.SYNC_STEP1:
            return sync_step2(self.doc.get_update(payload))
        self.doc.apply_update(payload)
        self.synced = self.synced or step == YSyncMessageType.SYNC_STEP2
        return None

    async def send(self, frame: bytes) -> bool:
        if self.socket is None:
            return False
        try:
            await self.socket.send(frame)
        except ConnectionClosed:
            return False
        return True

    async def edit(self, change: Callable[[], None]) -> None:
        before = self.doc.get_state()
        with self.doc.transaction():
            change()
        if self.online:
            await self.send(update_message(self.doc.get_update(before)))

    def point(self, point_id: str) -> Map:
        # By id, not index: the other side's concurrent inserts move points around.
        return next(item for item in self.points if item.get("id") == point_id)

    async def add_point(self, question: int, text: str) -> str:
        point_id = uuid.uuid4().hex
        fields = {"id": point_id, "question": question, "text": Text(text), "takeaway": False}
        await self.edit(lambda: self.points.append(Map(fields)))
        return point_id

    async def type(self, point_id: str, text: str) -> None:
        def append_text():
            target = self.point(point_id)["text"]
            target.insert(len(target), text)

        await self.edit(append_text)

    async def set_takeaway(self, point_id: str, value: bool) -> None:
        await self.edit(lambda: self.point(point_id).__setitem__("takeaway", value))

    async def close(self) -> None:
        if self.keeper is not None:
            self.keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.keeper
        if self.socket is not None:
            with contextlib.suppress(ConnectionClosed, InvalidHandshake, OSError):
                await self.socket.close()
        if self.reader is not None:
            await self.reader


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        await asyncio.sleep(0.05)


if __name__ == "__main__":
    serve(sys.argv[1], int(sys.argv[2]))
