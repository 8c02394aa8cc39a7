"""Building a group's document from the log: the latest snapshot, then every later update, each judged
before pycrdt sees it.

A row that cannot be applied (stored before the schema was enforced on write, or by a worker of an
older release) is quarantined: marked, skipped from then on, kept for staff to look into. A row that
builds on a later one waits for it, as yrs would let it; what still waits at the end is quarantined
too. So one bad row never stops the group page, the plenary wall, closing or compacting.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db.models import Sum
from django.db.models.functions import Length
from django.utils import timezone
from pycrdt import Doc

from ..models import NoteAuthorBytes, NoteSnapshot, NoteUpdate, NoteWriter
from ..rules import Strictness
from ..shape import DocShape, Outcome
from ..wire import Malformed, update_read

logger = logging.getLogger(__name__)


@dataclass
class LoadedNotes:
    doc: Doc
    shape: DocShape
    last_seq: int
    stored_bytes: int = 0  # snapshot and rows: what the group's notes take in the database
    quarantined: dict[int, str] = field(default_factory=dict)  # seq -> why, found by this load


class _Broken(Exception):
    """pycrdt failed on something the judgement let through: load again without it."""

    def __init__(self, seq: int, reason: str):
        super().__init__(reason)
        self.seq, self.reason = seq, reason


def _apply(doc: Doc, data: bytes, seq: int) -> None:
    try:
        doc.apply_update(data)
    except BaseException as error:  # pycrdt's panics are BaseExceptions; interrupts are not ours
        if isinstance(error, KeyboardInterrupt | SystemExit):
            raise
        raise _Broken(seq, f"pycrdt: {type(error).__name__}") from error


def _snapshot_judge(loaded: LoadedNotes, state: bytes) -> str | None:
    """Applies a snapshot; the reason when it cannot be."""
    try:
        judgement = loaded.shape.judge(update_read(state), strictness=Strictness.SNAPSHOT)
    except Malformed as error:
        return f"malformed: {error}"
    if judgement.outcome not in (Outcome.NEW, Outcome.NOTHING_NEW):
        return f"{judgement.outcome.value}: {judgement.detail}"
    _apply(loaded.doc, state, 0)
    if judgement.plan is not None:
        loaded.shape.record(judgement.plan)
    return None


def _snapshot(group_id: int, loaded: LoadedNotes) -> int:
    """Applies the latest snapshot; returns the seq it reaches. One that cannot be applied (none
    can be made now: compaction folds judged rows) is quarantined, and the rows after it wait in vain."""
    snapshot = NoteSnapshot.objects.filter(group_id=group_id).order_by("-upto_seq").first()
    if snapshot is None:
        return 0
    state = bytes(snapshot.state)
    loaded.stored_bytes += len(state)
    if snapshot.quarantined_at is None and (reason := _snapshot_judge(loaded, state)):
        logger.error("notes snapshot %s of group %s is quarantined: %s", snapshot.upto_seq, group_id, reason)
        NoteSnapshot.objects.filter(pk=snapshot.pk).update(
            quarantined_at=timezone.now(), quarantine_reason=reason[:200]
        )
        loaded.doc, loaded.shape = Doc(), DocShape()
    return snapshot.upto_seq


def _rows(loaded: LoadedNotes, rows, skip: set[int]) -> bool:
    """Applies the rows in order; False when a compaction ran between the reads (start again)."""
    waiting: list[tuple[int, bytes, object]] = []
    for seq, data, quarantined_at in rows:
        if seq != loaded.last_seq + 1:
            return False
        loaded.last_seq = seq
        data = bytes(data)
        loaded.stored_bytes += len(data)
        if quarantined_at is not None or seq in skip:
            continue
        try:
            decoded = update_read(data)
        except Malformed as error:
            loaded.quarantined[seq] = f"malformed: {error}"
            continue
        if _take(loaded, seq, data, decoded):
            waiting = _retry(loaded, waiting)
        elif seq not in loaded.quarantined:
            waiting.append((seq, data, decoded))
    for seq, _data, _decoded in waiting:
        loaded.quarantined[seq] = "pending: it builds on something no row holds"
    return True


def _take(loaded: LoadedNotes, seq: int, data: bytes, decoded) -> bool:
    """Applies one row if it can be; False when it waits for a later one (or was quarantined)."""
    judgement = loaded.shape.judge(decoded, strictness=Strictness.STORED)
    if judgement.outcome is Outcome.PENDING:
        return False
    if judgement.outcome is Outcome.NEW:
        _apply(loaded.doc, data, seq)
        loaded.shape.record(judgement.plan)
        return True
    if judgement.outcome is not Outcome.NOTHING_NEW:
        loaded.quarantined[seq] = f"{judgement.outcome.value}: {judgement.detail}"
    return judgement.outcome is Outcome.NOTHING_NEW


def _retry(loaded: LoadedNotes, waiting: list) -> list:
    progress = True
    while waiting and progress:
        still = [entry for entry in waiting if not _take(loaded, *entry)]
        progress = len(still) < len(waiting)
        waiting = [entry for entry in still if entry[0] not in loaded.quarantined]
    return waiting


def _load_once(group_id: int, skip: set[int]) -> LoadedNotes | None:
    loaded = LoadedNotes(doc=Doc(), shape=DocShape(), last_seq=0)
    loaded.last_seq = _snapshot(group_id, loaded)
    rows = NoteUpdate.objects.filter(group_id=group_id, seq__gt=loaded.last_seq).order_by("seq")
    if not _rows(loaded, rows.values_list("seq", "data", "quarantined_at").iterator(), skip):
        return None
    return loaded


def _quarantine(group_id: int, reasons: dict[int, str]) -> None:
    for seq, reason in reasons.items():
        logger.error("notes update %s of group %s is quarantined: %s", seq, group_id, reason)
        NoteUpdate.objects.filter(group_id=group_id, seq=seq).update(
            quarantined_at=timezone.now(), quarantine_reason=reason[:200]
        )


def notes_load(*, group_id: int) -> LoadedNotes:
    """The group's document as the log has it, with what the server knows of its structure."""
    skip: set[int] = set()
    for _ in range(8):
        try:
            loaded = _load_once(group_id, skip)
        except _Broken as broken:
            _quarantine(group_id, {broken.seq: broken.reason})
            skip.add(broken.seq)
            continue
        if loaded is None:
            continue  # a compaction ran between the two reads: start again from its snapshot
        if loaded.quarantined:
            _quarantine(group_id, loaded.quarantined)
        return loaded
    raise RuntimeError(f"the notes log of group {group_id} could not be read")


def note_document_load(*, group_id: int) -> tuple[Doc, int]:
    """(document, last sequence number read)."""
    loaded = notes_load(group_id=group_id)
    return loaded.doc, loaded.last_seq


def note_author_bytes(*, group_id: int) -> dict[int, int]:
    """Each author's bytes in the group's log, folded rows included (quarantined ones too: they were sent)."""
    totals: dict[int, int] = dict(
        NoteAuthorBytes.objects.filter(group_id=group_id).values_list("author_id", "folded_bytes")
    )
    rows = NoteUpdate.objects.filter(group_id=group_id, author__isnull=False).values("author_id")
    for author_id, total in rows.annotate(total=Sum(Length("data"))).values_list("author_id", "total"):
        totals[author_id] = totals.get(author_id, 0) + (total or 0)
    return totals


def note_writers(*, group_id: int) -> dict[int, int]:
    """Client id -> the person whose socket first wrote with it in this group."""
    return dict(NoteWriter.objects.filter(group_id=group_id).values_list("client_id", "author_id"))


def note_stored_bytes(*, group_id: int) -> int:
    snapshot = NoteSnapshot.objects.filter(group_id=group_id).aggregate(total=Sum(Length("state")))["total"]
    rows = NoteUpdate.objects.filter(group_id=group_id).aggregate(total=Sum(Length("data")))["total"]
    return (snapshot or 0) + (rows or 0)
