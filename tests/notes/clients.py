"""pycrdt documents as notes clients over channels' WebsocketCommunicator, speaking y-protocols the
way y-websocket does, through sakrad.asgi.application with a browser's Host, Origin and session."""

from __future__ import annotations

import asyncio
import uuid

from channels.testing import WebsocketCommunicator
from django.test import Client
from pycrdt import Array, Doc, Map, Text, YMessageType, YSyncMessageType

from notes.consumer import NOTICE
from notes.protocol import AUTH, sync_step1, sync_step2, update_message
from notes.wire import Reader
from tests.security.websocket import HOST, ORIGIN, session_cookie


def headers_for(client: Client | None, origin: str | None = ORIGIN) -> list[tuple[bytes, bytes]]:
    headers = [(b"host", HOST.encode())]
    if origin is not None:
        headers.append((b"origin", origin.encode()))
    cookie = session_cookie(client)
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return headers


class NotesClient:
    def __init__(self, path: str, client: Client | None, origin: str | None = ORIGIN):
        from sakrad.asgi import application

        self.doc = Doc()
        self.communicator = WebsocketCommunicator(application, path, headers=headers_for(client, origin))
        self.auth: list[tuple[int, str]] = []
        self.awareness: list[bytes] = []
        self.notices: list[str] = []  # why the server is about to close (message type 4)
        self.steps1 = 0  # sync step 1 messages from the server (a repeated one asks for our step 2)
        self.steps2 = 0  # sync step 2 messages: the first answers the step 1 that connect() sends
        self.closed_code: int | None = None

    @property
    def points(self) -> Array:
        return self.doc.get("points", type=Array)

    async def connect(self) -> bool:
        connected, _ = await self.communicator.connect(timeout=5)
        if connected:
            await self.send(sync_step1(self.doc.get_state()))
            # Synced once the server's step 2 answers ours (a quiet window of 0.3 s was most of
            # these tests' time); the others' presence, asked for at the same time, follows.
            await self.pump_until(lambda: self.steps2 > 0 or self.closed_code is not None)
            await self.pump(timeout=0.05)
        return connected

    async def send(self, frame: bytes) -> None:
        await self.communicator.send_input({"type": "websocket.receive", "bytes": frame})

    async def edit(self, change) -> bytes:
        """Runs change(doc) in a transaction and sends the update, as y-websocket does."""
        before = self.doc.get_state()
        with self.doc.transaction():
            change(self.doc)
        update = self.doc.get_update(before)
        await self.send(update_message(update))
        return update

    async def add_point(self, question: int, text: str, takeaway: bool = False) -> str:
        point_id = uuid.uuid4().hex
        await self.edit(
            lambda doc: self.points.append(
                Map({"id": point_id, "question": question, "text": Text(text), "takeaway": takeaway})
            )
        )
        return point_id

    def text(self, index: int = 0) -> str:
        return str(self.points[index]["text"])

    async def pump(self, timeout: float = 0.3) -> int:
        """Handles every message that arrives until it is quiet for `timeout` seconds."""
        handled = 0
        while True:
            # receive_output's own timeout would cancel the application: ask first.
            if await self.communicator.receive_nothing(timeout):
                return handled
            message = await self.communicator.receive_output(timeout)
            if message["type"] == "websocket.close":
                self.closed_code = message.get("code")
                return handled
            reply = self.handle(message["bytes"])
            if reply is not None:
                await self.send(reply)
            handled += 1

    async def pump_until(self, condition, timeout: float = 10) -> None:
        """Handles messages until condition() holds. A fixed quiet window would race the server's
        own delays (filling a hole waits HOLE_GRACE_SECONDS first); this waits for the outcome."""
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"not reached within {timeout} s")
            await self.pump(timeout=0.05)
            if self.closed_code is not None and not condition():
                raise AssertionError(f"the server closed the socket ({self.closed_code}) first")

    def handle(self, frame: bytes) -> bytes | None:
        """Applies a server message; returns the reply to send, if any."""
        reader = Reader(frame)
        kind = reader.var_uint()
        if kind == YMessageType.SYNC:
            step = reader.var_uint()
            payload = reader.var_bytes()
            if step == YSyncMessageType.SYNC_STEP1:
                self.steps1 += 1
                return sync_step2(self.doc.get_update(payload))
            else:
                self.steps2 += step == YSyncMessageType.SYNC_STEP2
                self.doc.apply_update(payload)
        elif kind == YMessageType.AWARENESS:
            self.awareness.append(frame)
        elif kind == AUTH:
            self.auth.append((reader.var_uint(), reader.var_string()))
        elif kind == NOTICE:
            self.notices.append(reader.var_string())
        return None

    async def wait_closed(self, timeout: float = 5) -> int | None:
        # Long enough for a close that goes through Redis on a loaded CI machine (2 s was not); a
        # socket that closes as it should answers in milliseconds, so only a failing test waits.
        while self.closed_code is None:
            if await self.communicator.receive_nothing(timeout):
                return None
            message = await self.communicator.receive_output(timeout)
            if message["type"] == "websocket.close":
                self.closed_code = message.get("code", 1000)
            elif "bytes" in message:
                self.handle(message["bytes"])
        return self.closed_code

    async def close(self) -> None:
        if self.closed_code is None:
            await self.communicator.disconnect()
