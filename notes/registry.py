"""One shared document per group per process, with the sequence number it has reached.

A cache of the log, never the truth: it is loaded from the database on first use, advanced in seq
order (reading from the database whatever the channel layer dropped), and dropped when the last socket
of the group in this process closes.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from dataclasses import dataclass, field

from pycrdt import Doc

from .db import notes_db
from .services import note_document_load, note_updates_contiguous

RECENT = 512  # updates kept in memory to fill other sockets' gaps without the database


@dataclass
class GroupDocument:
    group_id: int
    doc: Doc | None = None
    last_seq: int = 0
    refcount: int = 0
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    recent: OrderedDict[int, bytes] = field(default_factory=OrderedDict)

    async def ensure_loaded(self) -> None:
        async with self.lock:
            if self.doc is None:
                self.doc, self.last_seq = await notes_db(note_document_load)(group_id=self.group_id)

    def _remember(self, seq: int, update: bytes) -> None:
        self.recent[seq] = update
        while len(self.recent) > RECENT:
            self.recent.popitem(last=False)

    async def advance(self, seq: int, update: bytes | None = None) -> None:
        """Makes the document include every update up to seq, in order."""
        async with self.lock:
            if seq <= self.last_seq:
                return
            if seq > self.last_seq + 1 or update is None:
                missing = await self._fetch(self.last_seq, seq if update is None else seq - 1)
                if missing is None:
                    return await self._reload()
                for missing_seq, missing_update in missing:
                    self._apply(missing_seq, missing_update)
            if update is not None and seq == self.last_seq + 1:
                self._apply(seq, update)

    def _apply(self, seq: int, update: bytes) -> None:
        self.doc.apply_update(update)
        self.last_seq = seq
        self._remember(seq, update)

    async def _fetch(self, after: int, upto: int) -> list[tuple[int, bytes]] | None:
        return await notes_db(note_updates_contiguous)(group_id=self.group_id, after=after, upto=upto)

    async def _reload(self) -> None:
        # Some updates were folded into a snapshot meanwhile: merge the whole state (idempotent in Yjs).
        fresh, last_seq = await notes_db(note_document_load)(group_id=self.group_id)
        self.doc.apply_update(fresh.get_update())
        self.last_seq = max(self.last_seq, last_seq)
        self.recent.clear()

    async def updates_between(self, after: int, upto: int) -> list[tuple[int, bytes]] | None:
        """For a socket that missed some: from memory when possible, else the log (None: compacted)."""
        if all(seq in self.recent for seq in range(after + 1, upto + 1)):
            return [(seq, self.recent[seq]) for seq in range(after + 1, upto + 1)]
        return await self._fetch(after, upto)


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
