"""A y-websocket client for the load test: a pycrdt document per socket, as each browser tab has, that
measures how long peers' edits take to reach it.

A typist's keystroke appends "<time_ns>" to its own point's text, so the send time travels inside the
edit; every peer that integrates the update reads the stamps off the text event and records now minus
stamp. All clients live in one process, so one clock serves both ends.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field

from pycrdt import Array, Doc, Map, MapEvent, Text, TextEvent, YMessageType, YSyncMessageType
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from notes.protocol import sync_step1, sync_step2, update_message
from notes.wire import Reader

STAMP = re.compile(r"<(\d{19})>")


@dataclass
class Stats:
    """Everything measured, kept only for edits sent inside the measuring window."""

    window: tuple[int, int] = (0, 0)  # time_ns bounds; (0, 0) before it opens
    propagation: list[int] = field(default_factory=list)  # ns, one per (edit, peer)
    sent: int = 0
    takeaway: list[int] = field(default_factory=list)  # ns, flag change -> seen on the wall
    takeaway_pending: dict[str, deque] = field(default_factory=lambda: defaultdict(deque))
    takeaway_unmatched: int = 0
    closed: int = 0  # sockets the server closed during the run

    def in_window(self, stamp: int) -> bool:
        return self.window[0] <= stamp <= self.window[1]


class BenchClient:
    def __init__(self, cookie_header: str, stats: Stats, *, wall: bool = False):
        self.cookie_header = cookie_header
        self.stats = stats
        self.wall = wall  # the plenary wall: read-only, answers no sync step 1, watches takeaways
        self.doc = Doc()
        self.points = self.doc.get("points", type=Array)
        self.synced = asyncio.Event()
        self.socket: ClientConnection | None = None
        self.reader: asyncio.Task | None = None
        self.live = False  # True while applying a live update (not the catch-up of sync step 2)
        self.subscription = self.points.observe_deep(self._observe)
        self.compressed = False

    async def connect(self, url: str, group_id: int) -> None:
        origin = url.replace("ws://", "http://", 1).replace("wss://", "https://", 1)
        self.socket = await connect(
            f"{url}/ws/notes/{group_id}",
            origin=origin,
            additional_headers={"Cookie": self.cookie_header},
            open_timeout=60,
            max_size=2**24,
        )
        extensions = self.socket.response.headers.get("Sec-WebSocket-Extensions") or ""
        self.compressed = "permessage-deflate" in extensions
        self.reader = asyncio.create_task(self._read())
        await self.socket.send(sync_step1(self.doc.get_state()))

    async def _read(self) -> None:
        try:
            async for frame in self.socket:
                reply = self._handle(frame)
                if reply is not None:
                    await self.socket.send(reply)
        except ConnectionClosed:
            pass
        self.stats.closed += 1

    def _handle(self, frame: bytes) -> bytes | None:
        reader = Reader(frame)
        if reader.var_uint() != YMessageType.SYNC:
            return None
        step, payload = reader.var_uint(), reader.var_bytes()
        if step == YSyncMessageType.SYNC_STEP1:
            return None if self.wall else sync_step2(self.doc.get_update(payload))
        self.live = step == YSyncMessageType.SYNC_UPDATE
        self.doc.apply_update(payload)
        self.live = False
        if step == YSyncMessageType.SYNC_STEP2:
            self.synced.set()
        return None

    def _observe(self, events) -> None:
        if not self.live:
            return
        now = time.time_ns()
        for event in events:
            if isinstance(event, TextEvent) and not self.wall:
                self._stamps(event, now)
            elif isinstance(event, MapEvent) and self.wall and "takeaway" in event.keys:
                self._takeaway_seen(str(event.target.get("id")), event.keys["takeaway"].get("newValue"), now)

    def _stamps(self, event: TextEvent, now: int) -> None:
        for op in event.delta:
            inserted = op.get("insert")
            if isinstance(inserted, str):
                for stamp in map(int, STAMP.findall(inserted)):
                    if self.stats.in_window(stamp):
                        self.stats.propagation.append(now - stamp)

    def _takeaway_seen(self, point_id: str, value, now: int) -> None:
        pending = self.stats.takeaway_pending[point_id]
        if not pending:
            return
        expected, stamp = pending.popleft()
        if expected != value:
            self.stats.takeaway_unmatched += 1
        elif self.stats.in_window(stamp):
            self.stats.takeaway.append(now - stamp)

    # --- a typist's edits ------------------------------------------------------------------

    async def _edit(self, change) -> None:
        before = self.doc.get_state()
        with self.doc.transaction():
            change()
        with contextlib.suppress(ConnectionClosed):
            await self.socket.send(update_message(self.doc.get_update(before)))

    async def add_point(self, point_id: str, question: int) -> None:
        fields = {"id": point_id, "question": question, "text": Text(""), "takeaway": False}
        await self._edit(lambda: self.points.append(Map(fields)))

    def point(self, point_id: str) -> Map:
        return next(item for item in self.points if item.get("id") == point_id)

    async def keystroke(self, point: Map) -> None:
        """One keystroke's update, carrying its send time."""

        def append():
            text = point["text"]
            text.insert(len(text), f"<{time.time_ns()}>")

        await self._edit(append)
        self.stats.sent += 1

    async def toggle_takeaway(self, point: Map, wall_watching: bool) -> None:
        value = not point.get("takeaway")
        if wall_watching:
            self.stats.takeaway_pending[str(point.get("id"))].append((value, time.time_ns()))
        await self._edit(lambda: point.__setitem__("takeaway", value))

    async def close(self) -> None:
        if self.socket is not None:
            with contextlib.suppress(Exception):
                await self.socket.close()
        if self.reader is not None:
            with contextlib.suppress(Exception):
                await self.reader
