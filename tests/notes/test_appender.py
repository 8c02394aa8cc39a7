"""Group commit (notes/appender.py): what arrives during a commit, for any group, shares the next one;
a group stuck behind a lock holds up no other; and one update that cannot be stored costs the others
nothing."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import async_to_sync
from django.db import connection

from breakouts.services import breakout_group_create, note_taking_close
from notes import appender as appender_module
from notes.appender import LogAppender
from notes.db import LogDatabase
from notes.models import NoteUpdate, NoteWriter
from notes.services import (
    Append,
    NoteTakingClosed,
    note_logs_append,
    note_logs_append_async,
    note_updates_append,
)
from tests.factories import ConsultationPageFactory


class FakeLog:
    """The logs without a database: seqs per group in order, refusing any update b"bad";
    a group in `stuck` waits until it is let go."""

    def __init__(self):
        self.commits: list[dict[int, list[bytes]]] = []
        self.last: dict[int, int] = {}
        self.gate = asyncio.Event()
        self.stuck: dict[int, asyncio.Event] = {}

    def append(self, *, appends: dict[int, list[Append]]) -> dict[int, list[int]]:
        if any(append.update == b"bad" for batch in appends.values() for append in batch):
            raise ValueError("cannot store")
        self.commits.append({group: [append.update for append in batch] for group, batch in appends.items()})
        stored = {}
        for group, batch in appends.items():
            first = self.last.get(group, 0) + 1
            self.last[group] = first + len(batch) - 1
            stored[group] = list(range(first, first + len(batch)))
        return stored

    async def store(self, appends: dict[int, list[Append]]) -> dict[int, list[int]]:
        await self.gate.wait()  # the first commit takes a while
        for group in appends:
            if group in self.stuck:
                await self.stuck[group].wait()
        return self.append(appends=appends)


@pytest.fixture
def log(monkeypatch):
    """The appender's store, on either driver, replaced by the fake."""
    fake = FakeLog()
    monkeypatch.setattr(LogAppender, "store", lambda appender, appends: fake.store(appends))
    return fake


def appending(appender: LogAppender, group: int, *updates: bytes) -> list[asyncio.Task]:
    return [
        asyncio.create_task(appender.append(group_id=group, append=Append(update=update, author_id=1)))
        for update in updates
    ]


def test_updates_of_any_group_that_wait_for_a_commit_share_the_next_one(log, monkeypatch):
    monkeypatch.setattr(appender_module, "MAX_COMMITS", 2)

    async def scenario():
        appender = LogAppender()
        first = appending(appender, 7, b"a")
        await asyncio.sleep(0)  # its commit has started
        second = appending(appender, 8, b"x")
        await asyncio.sleep(0)  # two commits under way: what comes now waits
        rest = [*appending(appender, 7, b"b", b"c"), *appending(appender, 9, b"y")]
        await asyncio.sleep(0)
        log.gate.set()
        return await asyncio.gather(*first, *second, *rest)

    assert async_to_sync(scenario)() == [1, 1, 2, 3, 1]
    assert sorted(map(str, log.commits[:2])) == [str({7: [b"a"]}), str({8: [b"x"]})]
    assert log.commits[2] == {7: [b"b", b"c"], 9: [b"y"]}


def test_a_group_stuck_behind_its_lock_holds_up_no_other_group(log):
    async def scenario():
        log.gate.set()
        log.stuck[7] = asyncio.Event()
        appender = LogAppender()
        stuck = appending(appender, 7, b"a")
        await asyncio.sleep(0)
        others = appending(appender, 8, b"x")
        done = await asyncio.wait_for(asyncio.gather(*others), timeout=5)
        still_waiting = not stuck[0].done()
        log.stuck[7].set()
        return done, still_waiting, await asyncio.gather(*stuck)

    assert async_to_sync(scenario)() == ([1], True, [1])


def test_an_update_that_cannot_be_stored_costs_the_others_nothing(log):
    async def scenario():
        log.gate.set()
        appender = LogAppender()
        tasks = [*appending(appender, 7, b"a", b"bad", b"c"), *appending(appender, 8, b"x")]
        return await asyncio.gather(*tasks, return_exceptions=True)

    first, refused, third, other = async_to_sync(scenario)()
    assert (first, third, other) == (1, 2, 1) and isinstance(refused, ValueError)
    # Together, then group by group, then the failing group's updates one by one.
    assert {8: [b"x"]} in log.commits and {7: [b"a"]} in log.commits and {7: [b"c"]} in log.commits


def test_one_commit_stores_several_groups_in_order_with_the_first_writer_of_each_client_id(room):
    group, other = room.group.pk, room.other_group.pk
    alice, bob = room.members[0].pk, room.members[1].pk
    stored = note_logs_append(
        appends={
            group: [
                Append(update=b"\x01", author_id=alice, new_writers=(11,)),
                Append(update=b"\x02", author_id=bob, new_writers=(11, 12)),  # 11 is alice's already
                Append(update=b"\x03", author_id=None),
            ],
            other: [Append(update=b"\x04", author_id=bob, new_writers=(11,))],  # another group's 11
        }
    )
    assert stored == {group: [1, 2, 3], other: [1]}
    rows = NoteUpdate.objects.order_by("group_id", "seq")
    assert [(row.group_id, row.seq, bytes(row.data), row.author_id) for row in rows] == [
        (group, 1, b"\x01", alice),
        (group, 2, b"\x02", bob),
        (group, 3, b"\x03", None),
        (other, 1, b"\x04", bob),
    ]
    writers = NoteWriter.objects.order_by("group_id", "client_id")
    assert [(row.group_id, row.client_id, row.author_id) for row in writers] == [
        (group, 11, alice),
        (group, 12, bob),
        (other, 11, bob),
    ]


def test_a_closed_consultation_stores_nothing_and_the_other_groups_go_on(room):
    # A consultation whose note-taking never opened.
    closed = breakout_group_create(consultation=ConsultationPageFactory(), name="Grupp C")
    one = [Append(update=b"\x01", author_id=None)]
    stored = note_logs_append(
        appends={closed.pk: one, room.group.pk: [Append(update=b"\x02", author_id=None)]}
    )
    assert stored == {closed.pk: None, room.group.pk: [1]}
    assert list(NoteUpdate.objects.values_list("group_id", "seq")) == [(room.group.pk, 1)]
    note_taking_close(consultation=room.group.consultation)
    with pytest.raises(NoteTakingClosed):
        note_updates_append(group_id=room.group.pk, appends=[Append(update=b"\x03", author_id=None)])
    assert NoteUpdate.objects.count() == 1


def test_the_event_loops_driver_stores_as_djangos_does(room):
    """PostgreSQL's sockets commit on an asyncio connection (notes/db.py: LogDatabase); SQLite has
    Django's only, which the tests above run everywhere."""
    if not LogDatabase.available():
        assert connection.vendor == "sqlite"
        return
    updates = {room.group.pk: [Append(update=b"\x01", author_id=room.members[0].pk, new_writers=(5,))]}
    note_logs_append(appends=updates)
    closed = breakout_group_create(consultation=ConsultationPageFactory(), name="Grupp C")

    async def on_the_loop():
        database = LogDatabase()
        opened = await database.acquire()
        try:
            return await note_logs_append_async(
                appends={
                    **updates,
                    room.other_group.pk: updates[room.group.pk],
                    closed.pk: updates[room.group.pk],
                },
                database=opened,
            )
        finally:
            await opened.close()

    assert async_to_sync(on_the_loop)() == {room.group.pk: [2], room.other_group.pk: [1], closed.pk: None}
    assert not NoteUpdate.objects.filter(group_id=closed.pk).exists()
    assert sorted(NoteWriter.objects.values_list("group_id", "client_id")) == sorted(
        [(room.group.pk, 5), (room.other_group.pk, 5)]
    )
