"""Building a group's document from the log: the latest snapshot, then every later update."""

from __future__ import annotations

from pycrdt import Doc

from ..models import NoteSnapshot
from .log import note_updates_between


def _load_once(group_id: int) -> tuple[Doc, int] | None:
    doc = Doc()
    last_seq = 0
    snapshot = NoteSnapshot.objects.filter(group_id=group_id).order_by("-upto_seq").first()
    if snapshot is not None:
        doc.apply_update(bytes(snapshot.state))
        last_seq = snapshot.upto_seq
    for seq, update in note_updates_between(group_id=group_id, after=last_seq):
        if seq != last_seq + 1:
            return None  # a compaction ran between the two reads: start again from its snapshot
        doc.apply_update(update)
        last_seq = seq
    return doc, last_seq


def note_document_load(*, group_id: int) -> tuple[Doc, int]:
    """(document, last sequence number applied)."""
    for _ in range(5):
        loaded = _load_once(group_id)
        if loaded is not None:
            return loaded
    raise RuntimeError(f"the notes log of group {group_id} is not contiguous")
