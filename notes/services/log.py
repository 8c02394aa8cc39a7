"""Appending to a group's durable log, and reading parts of it back."""

from __future__ import annotations

from django.db.models import F

from ..models import NoteLog, NoteUpdate
from .append import Append, note_logs_append


class NoteTakingClosed(Exception):
    """The consultation's note-taking is closed: the update is not stored."""


def note_log_lock(*, group_id: int) -> None:
    """Takes the group's log lock until the end of the transaction (row lock on PostgreSQL, the write
    lock on SQLite): appends queue behind it."""
    NoteLog.objects.get_or_create(group_id=group_id)
    NoteLog.objects.filter(group_id=group_id).update(last_seq=F("last_seq") + 0)


def note_updates_append(*, group_id: int, appends: list[Append]) -> list[int]:
    """Stores updates of one group in one transaction and returns their sequence numbers, in order."""
    seqs = note_logs_append(appends={group_id: appends})[group_id]
    if seqs is None:
        raise NoteTakingClosed(group_id)
    return seqs


def note_update_append(
    *, group_id: int, update: bytes, author_id: int | None, new_writers: list[int] = ()
) -> int:
    """Stores one Yjs update and returns its sequence number (committed when this returns)."""
    append = Append(update=update, author_id=author_id, new_writers=tuple(new_writers))
    return note_updates_append(group_id=group_id, appends=[append])[0]


def note_updates_between(*, group_id: int, after: int, upto: int | None = None) -> list[tuple[int, bytes]]:
    """(seq, update) with after < seq <= upto, in order."""
    rows = NoteUpdate.objects.filter(group_id=group_id, seq__gt=after)
    if upto is not None:
        rows = rows.filter(seq__lte=upto)
    return [(seq, bytes(data)) for seq, data in rows.order_by("seq").values_list("seq", "data")]


def note_logs_last_seq(*, group_ids) -> dict[int, int]:
    """The last committed sequence number of several groups' logs, in one query (absent: none)."""
    return dict(NoteLog.objects.filter(group_id__in=list(group_ids)).values_list("group_id", "last_seq"))
