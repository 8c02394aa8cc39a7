"""The notes socket of one breakout group: y-protocols sync and awareness over the durable log.

Order of an edit: check, append to the log (committed), apply to this process's document, then tell
every socket of the group, on every worker, through the channel layer. The layer may reorder and
drop messages: each update is passed on as it comes (Yjs merges in any order), each socket records
which seqs its client holds, and a hole that stays open a moment is filled from the log.
"""

from __future__ import annotations

import asyncio
import logging
import time

from channels.consumer import get_handler_name
from channels.generic.websocket import AsyncWebsocketConsumer
from pycrdt import YSyncMessageType

from . import limits
from .access import NO_ACCESS, NotesAccess, notes_access
from .broadcast import notes_channel_group, notes_group_send, notes_user_channel_group
from .db import notes_db
from .protocol import (
    EMPTY_UPDATE,
    Awareness,
    Malformed,
    Sync,
    auth_message,
    awareness_removal,
    parse,
    sync_step1,
    sync_step2,
    update_message,
)
from .rate_limit import TokenBucket
from .registry import GroupDocument, document_acquire, document_release
from .seqs import SeqSet
from .services import NoteTakingClosed, note_snapshot_compact, note_update_append
from .watch import WatchReading, watch_join, watch_leave
from .yjs import adds_nothing

logger = logging.getLogger(__name__)


class NotesConsumer(AsyncWebsocketConsumer):
    entry: GroupDocument | None = None
    access: NotesAccess = NO_ACCESS

    async def dispatch(self, message):
        # Channels runs close_old_connections() on a thread before every message: with ten sockets
        # per group that is ten thread hops per keystroke, a third of a worker's time under load.
        # The database calls here look after their connections themselves (notes/db.py).
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def connect(self):
        self.group_id = int(self.scope["url_route"]["kwargs"]["group_id"])
        self.user = self.scope.get("user")
        self.channel_group = notes_channel_group(self.group_id)
        self.bucket = TokenBucket(limits.RATE_PER_SECOND, limits.RATE_BURST)
        self.awareness_clocks: dict[int, int] = {}
        self.hole_task: asyncio.Task | None = None
        self.last_awareness: bytes | None = None
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        if not (self.user and self.user.is_authenticated):
            return await self.close()
        await self.refresh_access()
        if not self.access.view:
            return await self.close()
        # Join before loading: nothing committed after the load can slip past this socket.
        await self.channel_layer.group_add(self.channel_group, self.channel_name)
        await self.channel_layer.group_add(notes_user_channel_group(self.user.pk), self.channel_name)
        self.entry = await document_acquire(self.group_id)
        self.sent = SeqSet(self.entry.held.floor)  # the client gets the document in sync step 2
        await self.accept()
        await self.send(bytes_data=sync_step1(self.entry.doc.get_state()))
        if self.entry.held.above:  # the document holds updates past a hole: pass them on explicitly
            await self.fill_holes(self.entry.held.top)
        if not self.access.edit:
            await self.send(bytes_data=auth_message(granted=False))
        await notes_group_send(
            self.group_id, {"type": "notes.awareness.query", "reply_to": self.channel_name}
        )
        watch_join(self)

    async def disconnect(self, code):
        if self.entry is None:
            return
        watch_leave(self)
        if self.hole_task is not None:
            self.hole_task.cancel()
        if self.awareness_clocks:
            await self.relay_awareness(awareness_removal(self.awareness_clocks))
        await self.channel_layer.group_discard(self.channel_group, self.channel_name)
        await self.channel_layer.group_discard(notes_user_channel_group(self.user.pk), self.channel_name)
        document_release(self.entry)
        self.entry = None

    # --- access ---------------------------------------------------------------------------

    async def refresh_access(self) -> None:
        self.access = await notes_db(notes_access)(
            user_id=self.user.pk, group_id=self.group_id, session=self.scope.get("session")
        )
        self.access_checked = time.monotonic()

    async def still_allowed(self, *, fresh: bool = False) -> bool:
        """Per message, the rights as last read: membership, note-taking and logout changes arrive at
        once as layer messages (fresh=True), the watch covers what sends none."""
        could_edit = self.access.edit
        if fresh:
            await self.refresh_access()
        if not self.access.view:
            await self.close(code=limits.CLOSE_ACCESS_LOST)
            return False
        if could_edit != self.access.edit:
            await self.send(bytes_data=auth_message(granted=self.access.edit))
        return True

    async def watched(self, reading: WatchReading) -> None:
        """The process's watch read the database for every socket (notes/watch.py)."""
        if self.entry is None or not self.access.view:
            return
        if not reading.lets_in(user_id=self.user.pk, session_key=self.session_key):
            self.access = NO_ACCESS
            return await self.close(code=limits.CLOSE_ACCESS_LOST)
        # The layer may have dropped a membership or note-taking message: read everything now and then.
        stale = time.monotonic() - self.access_checked > limits.ACCESS_RECHECK_SECONDS
        if stale and not await self.still_allowed(fresh=True):
            return
        last_seq = reading.last_seqs.get(self.group_id, 0)
        if self.sent.missing(last_seq):
            await self.fill_holes(last_seq)

    # --- from the client ------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        if self.entry is None:
            return
        if bytes_data is None:
            return await self.close(code=limits.CLOSE_MALFORMED)
        if len(bytes_data) > limits.MAX_MESSAGE_BYTES:
            return await self.close(code=limits.CLOSE_TOO_LARGE)
        if not self.bucket.take():
            return await self.close(code=limits.CLOSE_RATE_LIMITED)
        try:
            message = parse(bytes_data)
        except Malformed:
            return await self.close(code=limits.CLOSE_MALFORMED)
        if not await self.still_allowed():
            return
        if isinstance(message, Sync):
            await self.receive_sync(message)
        elif isinstance(message, Awareness):
            self.awareness_clocks.update(message.clocks)
            for client in message.removed:
                self.awareness_clocks.pop(client, None)
            self.last_awareness = bytes_data
            await self.relay_awareness(bytes_data)
        else:
            await notes_group_send(
                self.group_id, {"type": "notes.awareness.query", "reply_to": self.channel_name}
            )

    async def receive_sync(self, message: Sync) -> None:
        doc = self.entry.doc
        if message.step == YSyncMessageType.SYNC_STEP1:
            await self.send(bytes_data=sync_step2(doc.get_update(message.payload)))
            return
        update = message.payload
        if update == EMPTY_UPDATE:
            return
        # A reconnecting client's step 2 mostly repeats what we have (deletions are always sent).
        if message.step == YSyncMessageType.SYNC_STEP2 and adds_nothing(
            update, doc.get_state(), doc.get_update()
        ):
            return
        if not self.access.edit:
            await self.send(bytes_data=auth_message(granted=False))
            return
        try:
            seq = await notes_db(note_update_append)(
                group_id=self.group_id, update=update, author_id=self.user.pk
            )
        except NoteTakingClosed:
            await self.still_allowed(fresh=True)
            return
        self.entry.apply(seq, update)
        self.sent.add(seq)
        await notes_group_send(
            self.group_id, {"type": "notes.update", "seq": seq, "update": update, "origin": self.channel_name}
        )
        if seq % limits.COMPACT_EVERY == 0:
            await self.compact()

    async def compact(self) -> None:
        try:
            await notes_db(note_snapshot_compact)(group_id=self.group_id)
        except Exception:
            # The log stays whole when folding fails; editing must go on.
            logger.exception("compacting the notes of group %s failed", self.group_id)

    async def relay_awareness(self, data: bytes) -> None:
        await notes_group_send(
            self.group_id, {"type": "notes.awareness", "data": data, "origin": self.channel_name}
        )

    # --- from the channel layer -----------------------------------------------------------

    async def notes_update(self, event):
        if self.entry is None:
            return
        seq, update = event["seq"], bytes(event["update"])
        self.entry.apply(seq, update)
        if not self.sent.add(seq):
            return
        if event.get("origin") != self.channel_name:
            await self.send(bytes_data=update_message(update))
        if self.sent.above and (self.hole_task is None or self.hole_task.done()):
            self.hole_task = asyncio.create_task(self.fill_holes_soon())

    async def fill_holes_soon(self) -> None:
        # Most holes are reordering and fill themselves within milliseconds; give them that first.
        await asyncio.sleep(limits.HOLE_GRACE_SECONDS)
        await self.fill_holes(self.sent.top)

    async def fill_holes(self, upto: int) -> None:
        """The layer dropped something: pass on the missing updates from the log."""
        if self.entry is None:
            return
        await self.entry.catch_up(upto)
        missing = self.sent.missing(upto)
        if not missing:
            return
        found = await self.entry.updates_for(missing)
        if found is None:  # folded into a snapshot meanwhile: send the whole state instead
            await self.send(bytes_data=update_message(self.entry.doc.get_update()))
            self.sent = self.entry.held.copy()
            return
        for seq, update in found:
            if self.sent.add(seq):
                await self.send(bytes_data=update_message(update))

    async def notes_awareness(self, event):
        if self.entry is not None and event.get("origin") != self.channel_name:
            await self.send(bytes_data=bytes(event["data"]))

    async def notes_awareness_query(self, event):
        reply_to = event.get("reply_to")
        if self.last_awareness and reply_to and reply_to != self.channel_name:
            await self.channel_layer.send(
                reply_to,
                {"type": "notes.awareness", "data": self.last_awareness, "origin": self.channel_name},
            )

    async def membership_changed(self, event):
        if self.entry is not None:
            await self.still_allowed(fresh=True)

    note_taking_changed = membership_changed
    access_changed = membership_changed
