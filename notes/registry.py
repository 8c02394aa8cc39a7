"""One shared document per group per process, and which updates of the log it holds.

A cache of the log, never the truth: it is loaded from the database on first use, takes updates in
whatever order the channel layer brings them (reading from the database what it dropped), and is
dropped when the last socket of the group in this process closes.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass, field

from pycrdt import Doc

from .db import notes_db
from .seqs import SeqSet
from .services import note_document_load, note_updates_between

RECENT = 512  # updates kept in memory to fill other sockets' gaps without the database


@dataclass
class GroupDocument:
    group_id: int
    doc: Doc | None = None
    held: SeqSet = field(default_factory=SeqSet)
    refcount: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    recent: OrderedDict[int, bytes] = field(default_factory=OrderedDict)

    @property
    def last_seq(self) -> int:
        """Every update up to this seq is in the document."""
        return self.held.floor

    async def ensure_loaded(self) -> None:
        async with self.lock:
            if self.doc is None:
                self.doc, last_seq = await notes_db(note_document_load)(group_id=self.group_id)
                self.held = SeqSet(last_seq)

    def apply(self, seq: int, update: bytes) -> bool:
        """Takes one update of the log; False when the document had it already."""
        if not self.held.add(seq):
            return False
        self.doc.apply_update(update)
        self.recent[seq] = update
        while len(self.recent) > RECENT:
            self.recent.popitem(last=False)
        return True

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
        # Folded into a snapshot meanwhile: merge the whole state (idempotent in Yjs).
        fresh, last_seq = await notes_db(note_document_load)(group_id=self.group_id)
        self.doc.apply_update(fresh.get_update())
        held = SeqSet(max(self.held.floor, last_seq))
        for seq in self.held.above:
            held.add(seq)
        self.held = held
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
        document_release(entry)
        raise
    return entry


def document_release(entry: GroupDocument) -> None:
    entry.refcount -= 1
    if entry.refcount <= 0 and _documents.get(entry.group_id) is entry:
        del _documents[entry.group_id]


def documents_forget() -> None:
    """Drops every cached document, as a freshly started process would have none (tests)."""
    _documents.clear()
