"""Appending to a group's durable log, and reading parts of it back."""

from __future__ import annotations

from dataclasses import dataclass

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


def _log_bump(group_id: int, count: int = 1) -> int | None:
    """Takes the next `count` seqs under the log row's lock (UPDATE ... RETURNING: one round trip,
    where the ORM needs two) and returns the last; None when the group has no log row yet."""
    table = connection.ops.quote_name(NoteLog._meta.db_table)
    bump = f"UPDATE {table} SET last_seq = last_seq + %s WHERE group_id = %s RETURNING last_seq"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(bump, [count, group_id])
        row = cursor.fetchone()
    return None if row is None else row[0]


@dataclass(frozen=True)
class Append:
    """One Yjs update to store. `new_writers`: client ids the update is the first to write with,
    recorded as the author's (notes.models.NoteWriter)."""

    update: bytes
    author_id: int | None
    new_writers: tuple[int, ...] = ()


@transaction.atomic
def note_updates_append(*, group_id: int, appends: list[Append]) -> list[int]:
    """Stores updates of one group in one transaction (one commit, one flush to disk, however many
    sockets sent them) and returns their sequence numbers, in order. Committed when this returns, so
    the caller may relay them: the log holds every update anyone has seen."""
    # The UPDATE takes the lock first, so appends to one group queue here and the numbers are
    # gapless; the unique (group, seq) is the backstop.
    last = _log_bump(group_id, len(appends))
    if last is None:
        NoteLog.objects.get_or_create(group_id=group_id)
        last = _log_bump(group_id, len(appends))
    # Checked under the lock: closing takes it too, so nothing lands after the final notes were stored.
    if not room().is_open(group_id=group_id):
        raise NoteTakingClosed(group_id)
    seqs = list(range(last - len(appends) + 1, last + 1))
    rows = [(seq, bytes(append.update), append.author_id) for seq, append in zip(seqs, appends, strict=True)]
    _log_insert(group_id=group_id, rows=rows)
    writers: dict[int, int] = {}  # the first to write with a client id is its writer, as in memory
    for append in appends:
        for client in append.new_writers if append.author_id is not None else ():
            writers.setdefault(client, append.author_id)
    if writers:
        firsts = [NoteWriter(group_id=group_id, client_id=c, author_id=who) for c, who in writers.items()]
        NoteWriter.objects.bulk_create(firsts, ignore_conflicts=True)
    return seqs


def note_update_append(
    *, group_id: int, update: bytes, author_id: int | None, new_writers: list[int] = ()
) -> int:
    """Stores one Yjs update and returns its sequence number (committed when this returns)."""
    append = Append(update=update, author_id=author_id, new_writers=tuple(new_writers))
    return note_updates_append(group_id=group_id, appends=[append])[0]


def _log_insert(*, group_id: int, rows: list[tuple[int, bytes, int | None]]) -> None:
    # Plain SQL for the same reason as the bump: the ORM's save() cost more than the INSERT itself.
    quote = connection.ops.quote_name
    table = quote(NoteUpdate._meta.db_table)
    columns = ", ".join(quote(name) for name in ("group_id", "seq", "data", "created_at", "author_id"))
    created_at = connection.ops.adapt_datetimefield_value(timezone.now())
    values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    params = [value for seq, data, author in rows for value in (group_id, seq, data, created_at, author)]
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) VALUES {values}", params)  # noqa: S608


def note_updates_between(*, group_id: int, after: int, upto: int | None = None) -> list[tuple[int, bytes]]:
    """(seq, update) with after < seq <= upto, in order."""
    rows = NoteUpdate.objects.filter(group_id=group_id, seq__gt=after)
    if upto is not None:
        rows = rows.filter(seq__lte=upto)
    return [(seq, bytes(data)) for seq, data in rows.order_by("seq").values_list("seq", "data")]


def note_logs_last_seq(*, group_ids) -> dict[int, int]:
    """The last committed sequence number of several groups' logs, in one query (absent: none)."""
    return dict(NoteLog.objects.filter(group_id__in=list(group_ids)).values_list("group_id", "last_seq"))
