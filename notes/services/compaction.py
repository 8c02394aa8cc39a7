"""Folding the log into a snapshot, safely.

Only a prefix of the log is folded, and only up to a point where every update so far is fully
integrated: yrs keeps structs whose dependencies are missing (and deletions of unknown items) in a
"pending" area that `get_update()` leaves out, so folding such an update would lose it. We detect it
from the formats (notes/yjs.py): an update is integrated when its state vector and every item it
deletes lie below the document's state vector. Before deleting anything, the new snapshot is loaded
into a fresh document and must equal the replayed log (state vector, encoded state and content).
"""

from __future__ import annotations

from django.db import transaction
from pycrdt import Doc

from ..models import NoteSnapshot, NoteUpdate
from ..schema import document_json
from ..yjs import is_integrated, state_vector
from .log import note_log_lock, note_updates_between


class CompactionMismatch(Exception):
    """The snapshot does not reproduce the log; nothing was folded."""


def _base(group_id: int) -> tuple[Doc, int, NoteSnapshot | None]:
    doc = Doc()
    snapshot = NoteSnapshot.objects.filter(group_id=group_id).order_by("-upto_seq").first()
    if snapshot is None:
        return doc, 0, None
    doc.apply_update(bytes(snapshot.state))
    return doc, snapshot.upto_seq, snapshot


def _safe_prefix(doc: Doc, updates: list[tuple[int, bytes]]) -> int:
    """The highest seq up to which every update is integrated (0 when none), applying all to doc."""
    waiting: list[bytes] = []
    safe = 0
    for seq, update in updates:
        doc.apply_update(update)
        waiting.append(update)
        current = doc.get_state()
        waiting = [pending for pending in waiting if not is_integrated(pending, current)]
        if not waiting:
            safe = seq
    return safe


def _verify(replayed: Doc, state: bytes) -> None:
    fresh = Doc()
    fresh.apply_update(state)
    same = (
        state_vector(fresh.get_state()) == state_vector(replayed.get_state())
        and fresh.get_update() == replayed.get_update()
        and document_json(fresh) == document_json(replayed)
    )
    if not same:
        raise CompactionMismatch("snapshot differs from the replayed log")


@transaction.atomic
def note_snapshot_compact(*, group_id: int) -> int:
    """Folds what can safely be folded; returns the new snapshot's upto_seq (0: nothing folded)."""
    # Under the log lock: two workers compacting one group, or an append between reading and
    # deleting, would otherwise race (appends wait a few milliseconds).
    note_log_lock(group_id=group_id)
    probe, base_seq, _ = _base(group_id)
    updates = note_updates_between(group_id=group_id, after=base_seq)
    upto = _safe_prefix(probe, updates)
    if upto == 0:
        return 0
    replayed, _, previous = _base(group_id)
    for seq, update in updates:
        if seq <= upto:
            replayed.apply_update(update)
    state = replayed.get_update()
    _verify(replayed, state)
    NoteSnapshot.objects.create(group_id=group_id, upto_seq=upto, state=state)
    NoteUpdate.objects.filter(group_id=group_id, seq__lte=upto).delete()
    if previous is not None:
        NoteSnapshot.objects.filter(group_id=group_id, upto_seq__lt=upto).delete()
    return upto
