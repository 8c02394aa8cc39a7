"""What no message announces, checked for every notes socket of a process at once.

An expired session, a deactivated account and the group's last update when the channel layer
dropped it send no event. Every `WATCH_SECONDS` one task per process (per event loop) reads them
for all its sockets in three queries, not three per socket; each socket then acts on the reading.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from dataclasses import dataclass

from . import limits
from .access import sessions_alive, users_active
from .db import notes_db
from .disconnects import is_disconnect
from .services import note_logs_last_seq

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WatchReading:
    last_seqs: dict[int, int]
    live_sessions: set[str]
    active_users: set[int]

    def lets_in(self, *, user_id: int, session_key: str | None) -> bool:
        return user_id in self.active_users and (not session_key or session_key in self.live_sessions)


def watch_read(*, group_ids: set[int], sessions: dict[str, int], user_ids: set[int]) -> WatchReading:
    return WatchReading(
        last_seqs=note_logs_last_seq(group_ids=group_ids),
        live_sessions=sessions_alive(sessions=sessions) if sessions else set(),
        active_users=users_active(user_ids=user_ids),
    )


class SocketWatch:
    def __init__(self):
        self.sockets: set = set()
        self.task: asyncio.Task | None = None

    def add(self, socket) -> None:
        self.sockets.add(socket)
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self.run())

    def discard(self, socket) -> None:
        self.sockets.discard(socket)
        if not self.sockets and self.task is not None:
            self.task.cancel()
            self.task = None

    async def run(self) -> None:
        while self.sockets:
            await asyncio.sleep(limits.WATCH_SECONDS)
            try:
                await self.tick()
            except Exception:
                # A failed reading (the database away) must not end the watch; the next one retries.
                logger.exception("the notes watch could not read")

    async def tick(self) -> None:
        sockets = list(self.sockets)
        if not sockets:
            return
        reading = await notes_db(watch_read)(
            group_ids={socket.group_id for socket in sockets},
            sessions={socket.session_key: socket.user.pk for socket in sockets if socket.session_key},
            user_ids={socket.user.pk for socket in sockets},
        )
        outcomes = await asyncio.gather(
            *(socket.watched(reading) for socket in sockets), return_exceptions=True
        )
        for outcome in outcomes:
            # A client that left while its socket was written to is not an error.
            if isinstance(outcome, Exception) and not is_disconnect(outcome):
                logger.error("a notes socket failed its watch", exc_info=outcome)


_watches: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, SocketWatch] = weakref.WeakKeyDictionary()


def watch_join(socket) -> None:
    loop = asyncio.get_running_loop()
    _watches.setdefault(loop, SocketWatch()).add(socket)


def watch_leave(socket) -> None:
    watch = _watches.get(asyncio.get_running_loop())
    if watch is not None:
        watch.discard(socket)
