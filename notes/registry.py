"""One shared document per group per process, what the server knows of its structure, and which
updates of the log it holds.

A cache of the log, never the truth: it is loaded from the database on first use, takes updates in
whatever order the channel layer brings them (reading from the database what it dropped), and is
dropped when the last socket of the group in this process closes. Every update is judged
(notes/shape/) before pycrdt applies it: a client's new change against the whole schema and the
quotas (`judge_write`), one already in the log against the structure (`apply`).
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from dataclasses import dataclass, field

from pycrdt import Doc

from . import limits
from .db import notes_db
from .hub import GroupHub
from .presence import PresenceOwners
from .room import room
from .rules import Strictness
from .seqs import SeqSet
from .services import (
    LoadedNotes,
    note_author_bytes,
    note_updates_between,
    note_writers,
    notes_load,
)
from .shape import DocShape, Judgement, Outcome
from .wire import Malformed, Update, update_read

logger = logging.getLogger(__name__)

RECENT = 512  # updates kept in memory to fill other sockets' gaps without the database


@dataclass
class Loaded:
    notes: LoadedNotes
    questions: frozenset[int]
    author_bytes: dict[int, int]
    writers: dict[int, int]


def _group_load(*, group_id: int) -> Loaded:
    return Loaded(
        notes=notes_load(group_id=group_id),
        questions=room().question_numbers(group_id=group_id),
        author_bytes=note_author_bytes(group_id=group_id),
        writers=note_writers(group_id=group_id),
    )


@dataclass
class WriteJudgement:
    judgement: Judgement
    new_writers: list[int] = field(default_factory=list)  # client ids this update is the first of


@dataclass
class GroupDocument:
    group_id: int
    doc: Doc | None = None
    shape: DocShape = field(default_factory=DocShape)
    held: SeqSet = field(default_factory=SeqSet)
    refcount: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    recent: OrderedDict[int, bytes] = field(default_factory=OrderedDict)
    questions: frozenset[int] = frozenset()
    stored_bytes: int = 0
    author_bytes: dict[int, int] = field(default_factory=dict)
    writers: dict[int, int] = field(default_factory=dict)  # client id -> the person who writes with it
    refused: set[int] = field(default_factory=set)  # seqs never applied here, never passed on
    waiting: dict[int, tuple[bytes, Update]] = field(
        default_factory=dict
    )  # seqs that build on one not here yet
    presence: PresenceOwners = field(default_factory=PresenceOwners)
    hub: GroupHub | None = None  # this process's one subscription for the group (notes/hub.py)

    @property
    def last_seq(self) -> int:
        """Every update up to this seq is in the document."""
        return self.held.floor

    async def ensure_loaded(self) -> None:
        async with self.lock:
            if self.hub is None:
                # Subscribe before loading: nothing committed after the load can slip past this process.
                hub = GroupHub(self.group_id, presence=self.presence)
                await hub.open()
                self.hub = hub
            if self.doc is None:
                self._take(await notes_db(_group_load)(group_id=self.group_id))

    def _take(self, loaded: Loaded) -> None:
        self.doc, self.shape = loaded.notes.doc, loaded.notes.shape
        self.held = SeqSet(loaded.notes.last_seq)
        self.stored_bytes = loaded.notes.stored_bytes
        self.questions, self.author_bytes, self.writers = (
            loaded.questions,
            loaded.author_bytes,
            loaded.writers,
        )

    async def questions_refresh(self) -> None:
        """The consultation's questions, read again (staff may have added one since the load)."""
        self.questions = await notes_db(room().question_numbers)(group_id=self.group_id)

    # --- a client's new change ------------------------------------------------------------------

    def judge_write(self, update: Update, *, size: int, author_id: int) -> WriteJudgement:
        judgement = self.shape.judge(
            update,
            strictness=Strictness.WRITE,
            questions=self.questions,
            max_point_chars=limits.MAX_POINT_CHARS,
        )
        if judgement.outcome is not Outcome.NEW:
            return WriteJudgement(judgement)
        plan = judgement.plan
        if any(self.writers.get(client, author_id) != author_id for client in plan.runs):
            # Structs under another person's client id: would be counted as theirs.
            return WriteJudgement(
                Judgement(Outcome.REFUSED, limits.REASON_SCHEMA, "another person's client id")
            )
        quota = self._quota(plan, size=size, author_id=author_id)
        if quota is not None:
            return WriteJudgement(quota)
        return WriteJudgement(judgement, [client for client in plan.runs if client not in self.writers])

    def _quota(self, plan, *, size: int, author_id: int) -> Judgement | None:
        """The group's and the person's quotas: whoever fills theirs is refused, the others go on."""
        full = Judgement(Outcome.TOO_LARGE, limits.REASON_GROUP, "the group's notes are full")
        mine = Judgement(Outcome.TOO_LARGE, limits.REASON_MEMBER, "this person's share is full")
        if self.author_bytes.get(author_id, 0) + size > limits.MAX_MEMBER_BYTES:
            return mine
        if self.stored_bytes + size > limits.MAX_GROUP_BYTES:
            return full
        grows = sum(plan.grows_by.values())
        if not grows:
            return None
        mine_now = [client for client, author in self.writers.items() if author == author_id]
        if self.shape.written([*mine_now, *plan.runs]) + grows > limits.MAX_MEMBER_CHARS:
            return mine
        if self.shape.live_chars + grows > limits.MAX_GROUP_CHARS:
            return full
        return None

    def writers_add(self, clients: list[int], author_id: int) -> None:
        for client in clients:
            self.writers.setdefault(client, author_id)

    # --- updates of the log -----------------------------------------------------------------------

    def apply(self, seq: int, update: bytes, author_id: int | None = None) -> bool:
        """Takes one update of the log; False when the document had it already."""
        if not self.held.add(seq):
            return False
        self.stored_bytes += len(update)
        if author_id is not None:
            self.author_bytes[author_id] = self.author_bytes.get(author_id, 0) + len(update)
        self.recent[seq] = update
        while len(self.recent) > RECENT:
            self.recent.popitem(last=False)
        try:
            decoded = update_read(update)
        except Malformed as error:
            self._refuse(seq, str(error))
            return True
        if self._integrate(seq, update, decoded):
            self._retry_waiting()
        return True

    def passes_on(self, seq: int) -> bool:
        """Whether a socket may send this update of the log to its client."""
        return seq not in self.refused

    def _integrate(self, seq: int, update: bytes, decoded: Update) -> bool:
        """Applies one judged update; False when it waits or was refused."""
        judgement = self.shape.judge(decoded, strictness=Strictness.STORED)
        if judgement.outcome is Outcome.PENDING:
            # Reordered by the layer: what it builds on is on its way (or read from the log soon).
            self.waiting[seq] = (update, decoded)
            return False
        if judgement.outcome is Outcome.NEW:
            try:
                self.doc.apply_update(update)
            except BaseException as error:  # pycrdt's panics are BaseExceptions
                if isinstance(error, KeyboardInterrupt | SystemExit):
                    raise
                self._refuse(seq, f"pycrdt: {type(error).__name__}")
                return False
            self.shape.record(judgement.plan)
            return True
        if judgement.outcome is not Outcome.NOTHING_NEW:
            self._refuse(seq, judgement.detail)
            return False
        return True

    def _retry_waiting(self) -> None:
        progress = True
        while self.waiting and progress:
            progress = False
            for seq, (update, decoded) in list(self.waiting.items()):
                del self.waiting[seq]
                if self._integrate(seq, update, decoded):
                    progress = True

    def _refuse(self, seq: int, why: str) -> None:
        # Two sockets on two workers racing with one client id (only a hand-made client does that),
        # or a row a worker of an older release stored: loading quarantines it (notes/services/document.py).
        logger.warning("notes update %s of group %s is not applied: %s", seq, self.group_id, why)
        self.refused.add(seq)

    async def catch_up(self, upto: int) -> None:
        """Makes the document hold every update up to seq `upto`, reading what is missing from the log."""
        async with self.lock:
            missing = self.held.missing(upto)
            if not missing:
                return
            found = await self._read(missing)
            if found is None:
                return await self._reload()
            for seq, update in found:
                self.apply(seq, update)

    async def updates_for(self, seqs: list[int]) -> list[tuple[int, bytes]] | None:
        """For a socket that missed some: from memory when possible, else the log (None: folded
        into a snapshot meanwhile)."""
        if all(seq in self.recent for seq in seqs):
            return [(seq, self.recent[seq]) for seq in seqs]
        return await self._read(seqs)

    async def _read(self, seqs: list[int]) -> list[tuple[int, bytes]] | None:
        rows = dict(
            await notes_db(note_updates_between)(group_id=self.group_id, after=min(seqs) - 1, upto=max(seqs))
        )
        if any(seq not in rows for seq in seqs):
            return None
        return [(seq, rows[seq]) for seq in seqs]

    async def _reload(self) -> None:
        # Folded into a snapshot meanwhile: the log as loaded now holds everything this document did.
        above = set(self.held.above)
        floor = self.held.floor
        self._take(await notes_db(_group_load)(group_id=self.group_id))
        held = SeqSet(max(floor, self.held.floor))
        for seq in above:
            held.add(seq)
        self.held = held
        self.waiting.clear()
        self.recent.clear()


_documents: dict[int, GroupDocument] = {}


async def document_acquire(group_id: int) -> GroupDocument:
    entry = _documents.get(group_id)
    if entry is None:
        entry = _documents[group_id] = GroupDocument(group_id)
    entry.refcount += 1
    try:
        await entry.ensure_loaded()
    except BaseException:
        await document_release(entry)
        raise
    return entry


async def document_release(entry: GroupDocument) -> None:
    entry.refcount -= 1
    if entry.refcount > 0:
        return
    if _documents.get(entry.group_id) is entry:
        del _documents[entry.group_id]
    if entry.hub is not None:
        await entry.hub.close()


def documents_forget() -> None:
    """Drops every cached document, as a freshly started process would have none (tests)."""
    _documents.clear()
