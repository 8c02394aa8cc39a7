"""Group commit (notes/appender.py): what arrives during a commit shares the next one, and one
update that cannot be stored costs the others nothing."""

from __future__ import annotations

import asyncio

import pytest
from asgiref.sync import async_to_sync

from notes import appender as appender_module
from notes.appender import GroupAppender
from notes.models import NoteUpdate, NoteWriter
from notes.services import Append, note_updates_append


class FakeLog:
    """note_updates_append without a database: seqs in order, refusing any update b"bad"."""

    def __init__(self):
        self.batches: list[list[bytes]] = []
        self.last = 0
        self.gate: asyncio.Event | None = None

    def append(self, *, group_id: int, appends: list[Append]) -> list[int]:
        if any(append.update == b"bad" for append in appends):
            raise ValueError("cannot store")
        self.batches.append([append.update for append in appends])
        self.last += len(appends)
        return list(range(self.last - len(appends) + 1, self.last + 1))

    def db(self, func):
        async def call(**kwargs):
            await self.gate.wait()  # the first commit takes a while
            return func(**kwargs)

        return call


@pytest.fixture
def log(monkeypatch):
    fake = FakeLog()
    monkeypatch.setattr(appender_module, "note_updates_append", fake.append)
    monkeypatch.setattr(appender_module, "notes_db", fake.db)
    return fake


def appending(appender: GroupAppender, *updates: bytes) -> list[asyncio.Task]:
    return [asyncio.create_task(appender.append(Append(update=update, author_id=1))) for update in updates]


def test_updates_that_arrive_during_a_commit_share_the_next_one(log):
    async def scenario():
        log.gate = asyncio.Event()
        appender = GroupAppender(7)
        first = appending(appender, b"a")
        await asyncio.sleep(0)  # its commit has started
        rest = appending(appender, b"b", b"c", b"d")
        await asyncio.sleep(0)
        log.gate.set()
        return await asyncio.gather(*first, *rest)

    assert async_to_sync(scenario)() == [1, 2, 3, 4]
    assert log.batches == [[b"a"], [b"b", b"c", b"d"]]


def test_an_update_that_cannot_be_stored_costs_the_others_nothing(log):
    async def scenario():
        log.gate = asyncio.Event()
        log.gate.set()
        appender = GroupAppender(7)
        tasks = appending(appender, b"a", b"bad", b"c")
        return await asyncio.gather(*tasks, return_exceptions=True)

    first, refused, third = async_to_sync(scenario)()
    assert (first, third) == (1, 2) and isinstance(refused, ValueError)
    assert log.batches == [[b"a"], [b"c"]]


@pytest.mark.django_db
def test_one_commit_stores_a_batch_in_order_with_the_first_writer_of_each_client_id(room):
    group = room.group.pk
    alice, bob = room.members[0].pk, room.members[1].pk
    seqs = note_updates_append(
        group_id=group,
        appends=[
            Append(update=b"\x01", author_id=alice, new_writers=(11,)),
            Append(update=b"\x02", author_id=bob, new_writers=(11, 12)),  # 11 is alice's already
            Append(update=b"\x03", author_id=None),
        ],
    )
    assert seqs == [1, 2, 3]
    stored = NoteUpdate.objects.filter(group_id=group).order_by("seq")
    assert [(row.seq, bytes(row.data), row.author_id) for row in stored] == [
        (1, b"\x01", alice),
        (2, b"\x02", bob),
        (3, b"\x03", None),
    ]
    writers = NoteWriter.objects.filter(group_id=group).order_by("client_id")
    assert [(row.client_id, row.author_id) for row in writers] == [(11, alice), (12, bob)]
