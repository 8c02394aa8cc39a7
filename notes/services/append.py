# ruff: noqa: S608 - the SQL here is built from our table names and placeholders only
"""Appending to the groups' durable logs: one transaction for any number of groups and updates.

Two forms of the same transaction, kept equal by tests/notes/test_appender.py: step by step on
Django's connection (`append_steps`, `note_logs_append`: SQLite, tests, scripts), and pipelined in
one round trip on an asyncio psycopg connection of the sockets' event loop (`_pipelined`,
`note_logs_append_async`: PostgreSQL under load, where a thread waited for the interpreter's lock
after every round trip, up to 5 ms each, docs/benchmarks.md).
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from ..models import NoteLog, NoteUpdate, NoteWriter
from ..room import room

Statement = tuple[str, list]
Stored = dict[int, list[int] | None]  # group -> its seqs, in order; None: note-taking closed, nothing stored


@dataclass(frozen=True)
class Append:
    """One Yjs update to store. `new_writers`: client ids the update is the first to write with,
    recorded as the author's (notes.models.NoteWriter)."""

    update: bytes
    author_id: int | None
    new_writers: tuple[int, ...] = ()


def append_steps(
    appends: dict[int, list[Append]], *, vendor: str
) -> Generator[Statement, list[tuple], Stored]:
    """The statements, each sent the rows the one before returned. The logs' rows are locked first,
    in group order (closing note-taking locks in the same order), so appends to one group queue
    there and the numbers are gapless; the unique (group, seq) is the backstop."""
    group_ids = sorted(appends)
    last = yield from _lock(group_ids, vendor)
    if len(last) < len(group_ids):  # a group's first update
        yield _insert(
            NoteLog, ("group_id", "last_seq"), [(g, 0) for g in group_ids if g not in last], "group_id"
        )
        last = yield from _lock(group_ids, vendor)
    # Checked under the locks: closing takes them too, so nothing lands after the final notes were stored.
    taking = {row[0] for row in (yield room().open_groups_sql(group_ids=list(last)))}
    counts = {group_id: len(appends[group_id]) for group_id in group_ids if group_id in taking}
    stored: Stored = dict.fromkeys(appends)
    rows, writers, now = [], {}, connection.ops.adapt_datetimefield_value(timezone.now())
    for group_id, count in counts.items():
        seqs = stored[group_id] = list(range(last[group_id] + 1, last[group_id] + count + 1))
        for seq, append in zip(seqs, appends[group_id], strict=True):
            rows.append((group_id, seq, bytes(append.update), now, append.author_id))
            # The first to write with a client id is its writer, as in memory.
            for client in append.new_writers if append.author_id is not None else ():
                writers.setdefault((group_id, client), append.author_id)
    if not rows:
        return stored
    yield _bump(counts)
    yield _insert(NoteUpdate, ("group_id", "seq", "data", "created_at", "author_id"), rows)
    if writers:
        columns = ("group_id", "client_id", "author_id")
        yield _insert(
            NoteWriter, columns, [(g, c, who) for (g, c), who in writers.items()], "group_id, client_id"
        )
    return stored


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _lock(group_ids: list[int], vendor: str) -> Generator[Statement, list[tuple], dict[int, int]]:
    marks = ", ".join(["%s"] * len(group_ids))
    where = f"WHERE group_id IN ({marks})"
    if vendor == "sqlite":  # no FOR UPDATE there: a write takes the database's lock
        yield f"UPDATE {_table(NoteLog)} SET last_seq = last_seq {where}", group_ids
        lock = ""
    else:
        lock = " FOR UPDATE"
    rows = yield (
        f"SELECT group_id, last_seq FROM {_table(NoteLog)} {where} ORDER BY group_id{lock}",
        group_ids,
    )
    return dict(rows)


def _bump(counts: dict[int, int]) -> Statement:
    cases = " ".join("WHEN %s THEN %s" for _ in counts)
    marks = ", ".join(["%s"] * len(counts))
    bump = f"last_seq = last_seq + CASE group_id {cases} END"
    sql = f"UPDATE {_table(NoteLog)} SET {bump} WHERE group_id IN ({marks})"
    return sql, [value for pair in counts.items() for value in pair] + list(counts)


def _insert(model, columns: tuple[str, ...], rows: list[tuple], unique: str | None = None) -> Statement:
    """Plain SQL, one statement for all rows: the ORM's save() cost more than the INSERT itself."""
    values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * len(rows))
    skip = f" ON CONFLICT ({unique}) DO NOTHING" if unique else ""
    sql = f"INSERT INTO {_table(model)} ({', '.join(columns)}) VALUES {values}{skip}"
    return sql, [value for row in rows for value in row]


@transaction.atomic
def note_logs_append(*, appends: dict[int, list[Append]]) -> Stored:
    """Stores updates of several groups in one transaction (one commit, one flush to disk) and returns
    each group's seqs. Committed when this returns, so the caller may relay them: the log holds every
    update anyone has seen."""
    steps = append_steps(appends, vendor=connection.vendor)
    with connection.cursor() as cursor:
        try:
            statement = next(steps)
            while True:
                cursor.execute(*statement)
                statement = steps.send(cursor.fetchall() if cursor.description else [])
        except StopIteration as done:
            return done.value


def _pipelined(appends: dict[int, list[Append]]) -> list[Statement]:
    """The transaction as three statements that need no answer before the next is sent (PostgreSQL
    pipeline mode): the rows that are missing, the locks, then one statement that checks note-taking,
    takes the seqs and inserts. Its snapshot is taken once the locks are held, so it sees a close
    that committed while it waited, as `append_steps` does."""
    group_ids = sorted(appends)
    marks = ", ".join(["%s"] * len(group_ids))
    log = _table(NoteLog)
    statements = [
        _insert(NoteLog, ("group_id", "last_seq"), [(g, 0) for g in group_ids], "group_id"),
        (f"SELECT group_id FROM {log} WHERE group_id IN ({marks}) ORDER BY group_id FOR UPDATE", group_ids),
    ]
    open_sql, params = room().open_groups_sql(group_ids=group_ids)
    counts = [(g, len(appends[g])) for g in group_ids]
    rows = [(g, k, bytes(a.update), a.author_id) for g in group_ids for k, a in enumerate(appends[g], 1)]
    writers: dict[tuple[int, int], int] = {}
    for g in group_ids:
        for a in appends[g]:
            for client in a.new_writers if a.author_id is not None else ():
                writers.setdefault((g, client), a.author_id)
    bump = (
        f"UPDATE {log} AS l SET last_seq = l.last_seq + c.n "
        f"FROM (VALUES {_values(len(counts), 2)}) AS c(g, n) "
        "WHERE l.group_id = c.g AND l.group_id IN (SELECT id FROM open) "
        "RETURNING l.group_id, l.last_seq - c.n AS base"
    )
    stored = (
        f"INSERT INTO {_table(NoteUpdate)} (group_id, seq, data, created_at, author_id) "
        "SELECT r.g, b.base + r.k, r.data, now(), r.author "
        f"FROM (VALUES {_values(len(rows), 4, bytea=2)}) AS r(g, k, data, author) "
        "JOIN bump AS b ON b.group_id = r.g"
    )
    sql = f"WITH open AS (SELECT * FROM ({open_sql}) AS o(id)), bump AS ({bump}), stored AS ({stored})"
    params += [v for pair in counts for v in pair] + [v for row in rows for v in row]
    if writers:
        written = (
            f"INSERT INTO {_table(NoteWriter)} (group_id, client_id, author_id) SELECT w.g, w.c, w.author "
            f"FROM (VALUES {_values(len(writers), 3)}) AS w(g, c, author) JOIN bump AS b ON b.group_id = w.g "
            "ON CONFLICT (group_id, client_id) DO NOTHING"
        )
        sql += f", written AS ({written})"
        params += [v for (g, c), who in writers.items() for v in (g, c, who)]
    return [*statements, (sql + " SELECT group_id, base FROM bump", params)]


def _values(rows: int, columns: int, *, bytea: int | None = None) -> str:
    """Placeholders of a VALUES list, typed (bigint, or bytea in column `bytea`): PostgreSQL cannot
    tell a parameter's type there."""
    types = ["bytea" if column == bytea else "bigint" for column in range(columns)]
    row = "(" + ", ".join(f"%s::{kind}" for kind in types) + ")"
    return ", ".join([row] * rows)


async def note_logs_append_async(*, appends: dict[int, list[Append]], database) -> Stored:
    """The same, on an asyncio psycopg connection (PostgreSQL, autocommit) of the caller's, in one
    round trip: the transaction's statements and its COMMIT go out together, pipelined, and the
    answers come back together. After a failure the connection may be mid-transaction: it is closed."""
    try:
        async with database.pipeline(), database.cursor() as control, database.cursor() as cursor:
            await control.execute("BEGIN")
            for statement in _pipelined(appends):
                await cursor.execute(*statement)
            await control.execute("COMMIT")
            bases = dict(await cursor.fetchall())  # the pipeline's one sync
    except BaseException:
        await database.close()
        raise
    stored: Stored = dict.fromkeys(appends)
    for group_id, base in bases.items():
        stored[group_id] = list(range(base + 1, base + len(appends[group_id]) + 1))
    return stored
