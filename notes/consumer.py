"""The notes socket of one breakout group: y-protocols sync and awareness over the durable log.

Order of an edit: read the frame strictly (notes/wire.py: no byte reaches pycrdt before), judge it
against the group's document, the schema and the quotas (notes/registry.py), append it to the log
(committed), apply it to this process's document, then tell every socket of the group: those of
this process at once, the other workers' through the channel layer (notes/hub.py). The layer may
reorder and drop messages: each update is passed on as it comes (Yjs merges in any order), each
socket records which seqs its client holds, and a hole that stays open a moment is filled from the
log.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from functools import cached_property

from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.sessions import InstanceSessionWrapper
from pycrdt import YSyncMessageType, write_var_uint

from . import limits
from .access import NO_ACCESS, NotesAccess, notes_access, runs_groups
from .appender import log_appender
from .broadcast import notes_user_channel_group
from .db import notes_db
from .disconnects import is_disconnect
from .presence import Person, presence_person, presence_rewrite
from .protocol import (
    EMPTY_UPDATE,
    Awareness,
    QueryAwareness,
    Sync,
    auth_message,
    awareness_removal,
    parse,
    sync_step1,
    sync_step2,
    update_message,
)
from .rate_limit import MemberAllowance, TokenBucket, allowance_acquire, allowance_of, allowance_release
from .registry import GroupDocument, WriteJudgement, document_acquire, document_release
from .seqs import SeqSet
from .services import Append, NoteTakingClosed, note_snapshot_compact, note_stored_bytes
from .shape import Outcome
from .watch import WatchReading, watch_join, watch_leave
from .wire import Malformed, update_split

logger = logging.getLogger(__name__)

NOTICE = (
    4  # our extension: the reason for the close that follows, as a varstring (Daphne drops close reasons)
)
RESYNC_SECONDS = 1.0  # at most one repeated sync step 1 per second for a client that sent a pending update


def same_process(channel: str, other: str) -> bool:
    """Channel names of one process share what comes before the "!" (Channels' process-local names)."""
    return channel.split("!", 1)[0] == other.split("!", 1)[0]


class NotesConsumer(AsyncWebsocketConsumer):
    entry: GroupDocument | None = None
    access: NotesAccess = NO_ACCESS
    person: Person | None = None
    allowance: MemberAllowance | None = None
    closing = False

    async def dispatch(self, message):
        # Channels runs close_old_connections() on a thread before every message: with ten sockets
        # per group that is ten thread hops per keystroke, a third of a worker's time under load.
        # The database calls here look after their connections themselves (notes/db.py).
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        try:
            await handler(message)
        except StopConsumer:
            raise
        except Exception as error:
            # Whatever went wrong, this socket ends cleanly and the others go on.
            if not is_disconnect(error):
                logger.exception("the notes socket of group %s failed", getattr(self, "group_id", "?"))
            await self.release()
            if not is_disconnect(error):
                await self.close(code=limits.CLOSE_SERVER_ERROR)
            raise StopConsumer() from None

    async def hub_receive(self, message: dict) -> None:
        """A message of the group passed on by this process's hub (notes/hub.py), handled as the
        layer's are; a socket that fails is closed and the group's other sockets go on."""
        if self.closing:
            return
        with contextlib.suppress(StopConsumer):
            await self.dispatch(message)

    async def send(self, text_data=None, bytes_data=None, close=False):
        if self.closing:
            return
        if bytes_data is None or close:
            return await super().send(text_data=text_data, bytes_data=bytes_data, close=close)
        await self.frame_send({"type": "websocket.send", "bytes": bytes_data})

    @cached_property
    def frame_send(self):
        """The server's own send, past Channels' session wrapper: the wrapper reads the session on
        every message to see whether to save it, which no frame of ours ever needs (a group of 50
        sends thousands of frames a second; docs/benchmarks.md)."""
        wrapper = getattr(self.base_send, "__self__", None)
        return wrapper.real_send if isinstance(wrapper, InstanceSessionWrapper) else self.base_send

    async def connect(self):
        self.group_id = int(self.scope["url_route"]["kwargs"]["group_id"])
        self.user = self.scope.get("user")
        self.bucket = TokenBucket(limits.RATE_PER_SECOND, limits.RATE_BURST)
        self.requests = TokenBucket(limits.REQUESTS_PER_SECOND, limits.REQUESTS_BURST)
        self.awareness_clocks: dict[int, int] = {}
        self.awareness_states: dict[int, dict] = {}  # as last relayed, to tell a renewal from a change
        self.hole_task: asyncio.Task | None = None
        self.count_task: asyncio.Task | None = None
        self.last_awareness: bytes | None = None
        self.last_resync = 0.0
        self.connected_at = time.time()
        session = self.scope.get("session")
        self.session_key = session.session_key if session is not None else None
        if not (self.user and self.user.is_authenticated):
            return await self.close()
        await self.refresh_access()
        if not self.access.view:
            return await self.close()
        self.person = await notes_db(presence_person)(user_id=self.user.pk)
        await self.channel_layer.group_add(notes_user_channel_group(self.user.pk), self.channel_name)
        self.allowance = allowance_acquire(self.user.pk)
        # The group's hub subscribes before loading: nothing committed after the load slips past.
        self.entry = await document_acquire(self.group_id)
        self.sent = SeqSet(self.entry.held.floor)  # the client gets the document in sync step 2
        hub = self.entry.hub
        hub.join(self)  # what comes from now on waits until the client has sync step 1
        await self.accept()
        await self.send(bytes_data=sync_step1(self.entry.doc.get_state()))
        if self.entry.held.above:  # the document holds updates past a hole: pass them on explicitly
            await self.fill_holes(self.entry.held.top)
        if not self.access.edit:
            await self.send(bytes_data=auth_message(granted=False))
        await hub.ready(self)
        if self.entry is None:
            return
        await self.entry.hub.publish({"type": "notes.awareness.query", "reply_to": self.channel_name})
        watch_join(self)
        self.count_sockets()

    async def disconnect(self, code):
        await self.release()

    async def release(self) -> None:
        """Leaves everything this socket joined, once, on every way a socket ends."""
        entry, self.entry = self.entry, None
        if entry is None:
            return
        watch_leave(self)
        for task in (self.hole_task, self.count_task):
            if task is not None and task is not asyncio.current_task():
                task.cancel()
        allowance_release(self.user.pk)
        entry.presence.release(self.awareness_clocks, self.user.pk)
        entry.hub.leave(self)
        try:
            if self.awareness_clocks:
                await self.relay_awareness(
                    awareness_removal(self.awareness_clocks), removed=self.awareness_clocks, entry=entry
                )
            await self.channel_layer.group_discard(notes_user_channel_group(self.user.pk), self.channel_name)
        except Exception:  # the layer away (Redis restarting): the groups expire by themselves
            logger.warning("a closing notes socket could not leave its channel groups", exc_info=True)
        finally:
            await document_release(entry)

    async def send_update(self, update: bytes, *, step2: bool = False) -> None:
        """A document's state, in parts small enough for every server to send (notes/wire.py:
        update_split); as a sync step 2, the last part is the step 2, so the client counts itself
        synced once it has all of them."""
        parts = update_split(update, limits.OUTGOING_PART_BYTES)
        for part in parts[:-1]:
            await self.send(bytes_data=update_message(part))
        await self.send(bytes_data=(sync_step2 if step2 else update_message)(parts[-1]))

    async def refuse(self, code: int, reason: str) -> None:
        """Tells the client why (in the frame, as Daphne drops close reasons), then closes."""
        encoded = reason.encode()
        await self.send(bytes_data=bytes([NOTICE]) + write_var_uint(len(encoded)) + encoded)
        await self.close(code=code, reason=reason)

    async def close(self, code=None, reason=None):
        if self.closing:
            return
        await self.release()
        self.closing = True
        await super().close(code=code, reason=reason)

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

    # --- one person's sockets -------------------------------------------------------------

    def count_sockets(self) -> None:
        self.others_before: set[str] = set()
        self.count_task = asyncio.create_task(self.count_sockets_soon())

    async def count_sockets_soon(self) -> None:
        # Every socket of this person, on every worker, answers; those opened earlier count.
        await self.channel_layer.group_send(
            notes_user_channel_group(self.user.pk),
            {"type": "notes.sockets.count", "reply_to": self.channel_name},
        )
        await asyncio.sleep(limits.SOCKET_COUNT_SECONDS)
        if self.entry is None or len(self.others_before) < limits.MAX_SOCKETS_PER_MEMBER:
            return
        if len(self.others_before) < limits.MAX_SOCKETS_PER_STAFF and await notes_db(runs_groups)(
            user_id=self.user.pk, group_id=self.group_id
        ):
            return
        await self.refuse(limits.CLOSE_TOO_LARGE, limits.REASON_SOCKETS)

    async def notes_sockets_count(self, event):
        reply_to = event.get("reply_to")
        if self.entry is not None and reply_to and reply_to != self.channel_name:
            await self.channel_layer.send(
                reply_to,
                {
                    "type": "notes.sockets.here",
                    "channel": self.channel_name,
                    "connected_at": self.connected_at,
                },
            )

    async def notes_sockets_here(self, event):
        if (event["connected_at"], event["channel"]) < (self.connected_at, self.channel_name):
            self.others_before.add(event["channel"])

    # --- from the client ------------------------------------------------------------------

    async def receive(self, text_data=None, bytes_data=None):
        if self.entry is None:
            return
        if bytes_data is None:
            return await self.refuse(limits.CLOSE_MALFORMED, limits.REASON_MALFORMED)
        if len(bytes_data) > limits.MAX_MESSAGE_BYTES:
            return await self.refuse(limits.CLOSE_TOO_LARGE, limits.REASON_FRAME)
        if not (self.bucket.take() and self.allowance.frames.take()):
            return await self.refuse(limits.CLOSE_RATE_LIMITED, limits.REASON_RATE)
        try:
            message = parse(bytes_data)
        except Malformed as error:
            logger.info("refused a notes frame for group %s: %s", self.group_id, error)
            return await self.refuse(limits.CLOSE_MALFORMED, limits.REASON_MALFORMED)
        if not await self.still_allowed():
            return
        asks_much = isinstance(message, QueryAwareness) or (
            isinstance(message, Sync) and message.step == YSyncMessageType.SYNC_STEP1
        )
        if asks_much and not self.requests.take():  # a tiny frame, a whole document in answer
            return await self.refuse(limits.CLOSE_RATE_LIMITED, limits.REASON_RATE)
        if isinstance(message, Sync):
            await self.receive_sync(message)
        elif isinstance(message, Awareness):
            await self.receive_awareness(message)
        else:
            await self.entry.hub.publish({"type": "notes.awareness.query", "reply_to": self.channel_name})

    async def receive_sync(self, message: Sync) -> None:
        doc = self.entry.doc
        if message.step == YSyncMessageType.SYNC_STEP1:
            await self.send_update(doc.get_update(message.payload), step2=True)
            return
        update = message.payload
        if update == EMPTY_UPDATE:
            return
        verdict = await self.judge(message)
        judgement = verdict.judgement
        # A reconnecting client's step 2 mostly repeats what we have (deletions are always sent).
        if judgement.outcome is Outcome.NOTHING_NEW:
            return
        if not self.access.edit:
            await self.send(bytes_data=auth_message(granted=False))
            return
        if judgement.outcome is Outcome.PENDING:
            await self.resync(message)
            return
        if not judgement.accepted:
            logger.info("refused a notes update for group %s: %s", self.group_id, judgement.detail)
            code = (
                limits.CLOSE_TOO_LARGE if judgement.outcome is Outcome.TOO_LARGE else limits.CLOSE_MALFORMED
            )
            return await self.refuse(code, judgement.reason)
        if not self.allowance.bytes.take(len(update)):
            return await self.refuse(limits.CLOSE_RATE_LIMITED, limits.REASON_RATE)
        await self.store(update, verdict.new_writers)

    async def judge(self, message: Sync) -> WriteJudgement:
        size, author = len(message.payload), self.user.pk
        verdict = self.entry.judge_write(message.update, size=size, author_id=author)
        if verdict.judgement.reason == "question":  # staff may have added the question since the load
            await self.entry.questions_refresh()
            verdict = self.entry.judge_write(message.update, size=size, author_id=author)
        if verdict.judgement.reason == "question":
            verdict.judgement.reason = limits.REASON_SCHEMA
        return verdict

    async def resync(self, message: Sync) -> None:
        """The update builds on something we lack (the client typed before our step 1 reached it, after
        editing offline): ask again, and its step 2 brings all of it."""
        if (
            message.step != YSyncMessageType.SYNC_UPDATE
            or time.monotonic() - self.last_resync < RESYNC_SECONDS
        ):
            return
        self.last_resync = time.monotonic()
        await self.send(bytes_data=sync_step1(self.entry.doc.get_state()))

    async def store(self, update: bytes, new_writers: list[int]) -> None:
        append = Append(update=update, author_id=self.user.pk, new_writers=tuple(new_writers))
        try:
            seq = await log_appender().append(group_id=self.group_id, append=append)  # committed
        except NoteTakingClosed:
            await self.still_allowed(fresh=True)
            return
        if self.entry is None:
            return
        self.entry.writers_add(new_writers, self.user.pk)
        self.entry.apply(seq, update, self.user.pk)
        self.sent.add(seq)
        await self.entry.hub.publish(
            {
                "type": "notes.update",
                "seq": seq,
                "update": update,
                "origin": self.channel_name,
                "author": self.user.pk,
                "writers": new_writers,
            },
        )
        if seq % limits.COMPACT_EVERY == 0:
            await self.compact()

    async def compact(self) -> None:
        try:
            await notes_db(note_snapshot_compact)(group_id=self.group_id)
            stored = await notes_db(note_stored_bytes)(group_id=self.group_id)
        except Exception:
            # The log stays whole when folding fails; editing must go on.
            logger.exception("compacting the notes of group %s failed", self.group_id)
            return
        if self.entry is not None:
            await self.entry.hub.publish({"type": "notes.compacted", "stored_bytes": stored})

    async def receive_awareness(self, message: Awareness) -> None:
        rewritten = presence_rewrite(
            message, person=self.person, own=self.awareness_clocks, owners=self.entry.presence
        )
        self.entry.presence.claim(rewritten.set, self.user.pk)
        renewal = rewritten.renews(self.awareness_states)
        self.awareness_clocks.update(rewritten.set)
        self.awareness_states.update(rewritten.states)
        for client in rewritten.removed:
            self.awareness_clocks.pop(client, None)
            self.awareness_states.pop(client, None)
        self.entry.presence.release(rewritten.removed, self.user.pk)
        if rewritten.frame is None:
            return
        if self.awareness_clocks:
            self.last_awareness = rewritten.frame
        await self.relay_awareness(
            rewritten.frame, claimed=rewritten.set, removed=rewritten.removed, renewal=renewal
        )

    async def relay_awareness(
        self, data: bytes, *, claimed=(), removed=(), entry=None, renewal: bool = False
    ) -> None:
        entry = entry or self.entry
        if entry is None:
            return
        await entry.hub.publish(
            {
                "type": "notes.awareness",
                "data": data,
                "origin": self.channel_name,
                "user": self.user.pk,
                "claimed": list(claimed),
                "removed": list(removed),
                "renewal": renewal,
            },
        )

    # --- from the channel layer -----------------------------------------------------------

    async def notes_update(self, event):
        if self.entry is None:
            return
        seq, update, author = event["seq"], bytes(event["update"]), event.get("author")
        origin = event.get("origin") or ""
        if author is not None:
            self.entry.writers_add(event.get("writers", ()), author)
        first_here = self.entry.apply(seq, update, author)
        if first_here and author is not None and not same_process(origin, self.channel_name):
            # One person's budget is spent on whichever worker their sockets are.
            remote = allowance_of(author)
            if remote is not None:
                remote.bytes.drain(len(update))
        if not self.sent.add(seq):
            return
        if event.get("origin") != self.channel_name and self.entry.passes_on(seq):
            if "frame" not in event:  # built once for all the group's sockets here
                event["frame"] = update_message(update)
            await self.send(bytes_data=event["frame"])
        if self.sent.above and (self.hole_task is None or self.hole_task.done()):
            self.hole_task = asyncio.create_task(self.fill_holes_soon())

    async def notes_compacted(self, event):
        if self.entry is not None:
            self.entry.stored_bytes = event["stored_bytes"]

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
        if not missing or self.entry is None:
            return
        found = await self.entry.updates_for(missing)
        if self.entry is None:
            return
        if found is None:  # folded into a snapshot meanwhile: send the whole state instead
            await self.send_update(self.entry.doc.get_update())
            self.sent = self.entry.held.copy()
            return
        for seq, update in found:
            if self.sent.add(seq) and self.entry.passes_on(seq):
                await self.send(bytes_data=update_message(update))

    async def notes_awareness(self, event):
        if self.entry is None:
            return
        self.entry.presence.note([event])
        if event.get("origin") != self.channel_name:
            await self.send(bytes_data=bytes(event["data"]))

    async def notes_awareness_batch(self, event):
        """Several sockets' presence in one frame (notes/hub.py, which noted who speaks for which
        client id once for the group), without this socket's own."""
        if self.entry is None:
            return
        frame = event["without"].get(self.channel_name, event["everyone"])
        if frame is not None:
            await self.send(bytes_data=frame)

    async def notes_awareness_query(self, event):
        reply_to = event.get("reply_to")
        if self.last_awareness and reply_to and reply_to != self.channel_name:
            await self.channel_layer.send(
                reply_to,
                {
                    "type": "notes.awareness",
                    "data": self.last_awareness,
                    "origin": self.channel_name,
                    "user": self.user.pk,
                    "claimed": list(self.awareness_clocks),
                },
            )

    async def membership_changed(self, event):
        if self.entry is not None:
            await self.still_allowed(fresh=True)

    note_taking_changed = membership_changed
    access_changed = membership_changed
