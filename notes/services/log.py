"""Appending to a group's durable log, and reading parts of it back."""

from __future__ import annotations

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from ..models import NoteLog, NoteUpdate, NoteWriter
from ..room import room


class NoteTakingClosed(Exception):
    """The consultation's note-taking is closed: the update is not stored."""


def note_log_lock(*, group_id: int) -> None:
    """Takes the group's log lock until the end of the transaction (row lock on PostgreSQL, the write
    lock on SQLite): appends queue behind it."""
    NoteLog.objects.get_or_create(group_id=group_id)
    NoteLog.objects.filter(group_id=group_id).update(last_seq=F("last_seq") + 0)


def _log_bump(group_id: int) -> int | None:
    """Takes the next seq under the log row's lock (UPDATE ... RETURNING: one round trip, where
    the ORM needs two); None when the group has no log row yet."""
    table = connection.ops.quote_name(NoteLog._meta.db_table)
    bump = f"UPDATE {table} SET last_seq = last_seq + 1 WHERE group_id = %s RETURNING last_seq"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(bump, [group_id])
        row = cursor.fetchone()
    return None if row is None else row[0]


@transaction.atomic
def note_update_append(
    *, group_id: int, update: bytes, author_id: int | None, new_writers: list[int] = ()
) -> int:
    """Stores one Yjs update and returns its sequence number. Committed when this returns, so the
    caller may relay it: the log holds every update anyone has seen. `new_writers`: client ids the
    update is the first to write with, recorded as the author's (notes.models.NoteWriter)."""
    # The UPDATE takes the lock first, so two appends to one group queue here and the numbers are
    # gapless; the unique (group, seq) is the backstop.
    seq = _log_bump(group_id)
    if seq is None:
        NoteLog.objects.get_or_create(group_id=group_id)
        seq = _log_bump(group_id)
    # Checked under the lock: closing takes it too, so nothing lands after the final notes were stored.
    if not room().is_open(group_id=group_id):
        raise NoteTakingClosed(group_id)
    _log_insert(group_id=group_id, seq=seq, update=bytes(update), author_id=author_id)
    if new_writers and author_id is not None:
        NoteWriter.objects.bulk_create(
            [NoteWriter(group_id=group_id, client_id=client, author_id=author_id) for client in new_writers],
            ignore_conflicts=True,
        )
    return seq


def _log_insert(*, group_id: int, seq: int, update: bytes, author_id: int | None) -> None:
    # Plain SQL for the same reason as the bump: the ORM's save() cost more than the INSERT itself.
    quote = connection.ops.quote_name
    table = quote(NoteUpdate._meta.db_table)
    columns = ", ".join(quote(name) for name in ("group_id", "seq", "data", "created_at", "author_id"))
    created_at = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s)",  # noqa: S608
            [group_id, seq, update, created_at, author_id],
        )


def note_updates_between(*, group_id: int, after: int, upto: int | None = None) -> list[tuple[int, bytes]]:
    """(seq, update) with after < seq <= upto, in order."""
    rows = NoteUpdate.objects.filter(group_id=group_id, seq__gt=after)
    if upto is not None:
        rows = rows.filter(seq__lte=upto)
    return [(seq, bytes(data)) for seq, data in rows.order_by("seq").values_list("seq", "data")]


def note_logs_last_seq(*, group_ids) -> dict[int, int]:
    """The last committed sequence number of several groups' logs, in one query (absent: none)."""
    return dict(NoteLog.objects.filter(group_id__in=list(group_ids)).values_list("group_id", "last_seq"))
