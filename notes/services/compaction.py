"""Folding the log into a snapshot, safely.

The document is loaded as every reader loads it (notes/services/document.py): each row judged, rows
that cannot be applied quarantined, so everything folded is fully integrated (yrs leaves structs that
wait for a dependency out of an encoded state; none can wait here). Before deleting anything, the new
snapshot is loaded into a fresh document and must equal the replayed log (state vector, encoded state
and content). Quarantined rows are kept, for staff to look into; each author's bytes in the folded
rows are kept as a total, for the per-member quota.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import F, Sum
from django.db.models.functions import Length
from pycrdt import Doc

from ..models import NoteAuthorBytes, NoteSnapshot, NoteUpdate
from ..schema import document_json
from ..wire import state_vector_read
from .document import notes_load
from .log import note_log_lock


class CompactionMismatch(Exception):
    """The snapshot does not reproduce the log; nothing was folded."""


def _verify(replayed: Doc, state: bytes) -> None:
    fresh = Doc()
    fresh.apply_update(state)
    same = (
        state_vector_read(fresh.get_state()) == state_vector_read(replayed.get_state())
        and fresh.get_update() == replayed.get_update()
        and document_json(fresh) == document_json(replayed)
    )
    if not same:
        raise CompactionMismatch("snapshot differs from the replayed log")


def _fold_author_bytes(group_id: int, upto: int) -> None:
    folded = (
        NoteUpdate.objects.filter(group_id=group_id, seq__lte=upto, author__isnull=False, quarantined_at=None)
        .values("author_id")
        .annotate(total=Sum(Length("data")))
        .values_list("author_id", "total")
    )
    for author_id, total in folded:
        share, _ = NoteAuthorBytes.objects.get_or_create(group_id=group_id, author_id=author_id)
        NoteAuthorBytes.objects.filter(pk=share.pk).update(folded_bytes=F("folded_bytes") + (total or 0))


@transaction.atomic
def note_snapshot_compact(*, group_id: int) -> int:
    """Folds the log; returns the new snapshot's upto_seq (0: nothing to fold)."""
    # Under the log lock: two workers compacting one group, or an append between reading and
    # deleting, would otherwise race (appends wait a few milliseconds).
    note_log_lock(group_id=group_id)
    base = (
        NoteSnapshot.objects.filter(group_id=group_id)
        .order_by("-upto_seq")
        .values_list("upto_seq", flat=True)
    ).first() or 0
    loaded = notes_load(group_id=group_id)
    upto = loaded.last_seq
    if upto <= base:
        return 0
    state = loaded.doc.get_update()
    _verify(loaded.doc, state)
    _fold_author_bytes(group_id, upto)
    NoteSnapshot.objects.create(group_id=group_id, upto_seq=upto, state=state)
    NoteUpdate.objects.filter(group_id=group_id, seq__lte=upto, quarantined_at=None).delete()
    NoteSnapshot.objects.filter(group_id=group_id, upto_seq__lt=upto, quarantined_at=None).delete()
    return upto
