"""The durable log: gaps in the channel layer are filled from it, and compaction never loses an update."""

from __future__ import annotations

from unittest import mock

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pycrdt import Array, Doc, Map, Text

from notes import limits, registry
from notes.broadcast import notes_group_send
from notes.models import NoteSnapshot, NoteUpdate
from notes.schema import document_json
from notes.services import (
    Append,
    CompactionMismatch,
    note_document_load,
    note_logs_append,
    note_snapshot_compact,
    note_update_append,
)
from tests.notes.clients import NotesClient

pytestmark = pytest.mark.django_db(transaction=True)


class Writer:
    """A pycrdt document whose every change is one update, as a client would send it."""

    def __init__(self):
        self.doc = Doc()
        self.updates: list[bytes] = []

    @property
    def points(self) -> Array:
        return self.doc.get("points", type=Array)

    def change(self, fn) -> bytes:
        before = self.doc.get_state()
        with self.doc.transaction():
            fn()
        self.updates.append(self.doc.get_update(before))
        return self.updates[-1]

    def add(self, text: str, question: int = 1) -> bytes:
        return self.change(
            lambda: self.points.append(
                Map(
                    {
                        "id": f"p{len(self.points)}",
                        "question": question,
                        "text": Text(text),
                        "takeaway": False,
                    }
                )
            )
        )

    def type(self, index: int, text: str) -> bytes:
        return self.change(
            lambda: self.points[index]["text"].insert(len(str(self.points[index]["text"])), text)
        )


def append(room, update: bytes) -> int:
    return note_update_append(group_id=room.group.pk, update=update, author_id=room.members[1].pk)


def test_a_socket_that_missed_an_update_reads_it_from_the_log(room):
    writer = Writer()
    first, second = writer.add("Saknad"), writer.type(0, " och funnen")

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        # Update N+1 is committed but its channel message is lost; only N+2 arrives.
        await database_sync_to_async(append)(room, first)
        seq = await database_sync_to_async(append)(room, second)
        await notes_group_send(
            room.group.pk, {"type": "notes.update", "seq": seq, "update": second, "origin": "another-worker"}
        )
        # The gap is filled after HOLE_GRACE_SECONDS: wait for the text, not for a quiet moment.
        await alice.pump_until(lambda: len(alice.points) > 0 and alice.text() == "Saknad och funnen")
        assert alice.text() == "Saknad och funnen"
        entry = registry._documents[room.group.pk]
        assert entry.last_seq == seq and document_json(entry.doc) == document_json(writer.doc)
        await alice.close()

    run(scenario)


def test_updates_the_layer_reorders_are_passed_on_without_reading_the_log(room, monkeypatch):
    """Two workers' messages may cross: each is passed on as it comes, and Yjs merges them."""
    log_reads = mock.Mock(wraps=registry.note_updates_between)
    monkeypatch.setattr(registry, "note_updates_between", log_reads)
    writer = Writer()
    first, second = writer.add("Innan"), writer.type(0, " sedan")

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        seqs = [await database_sync_to_async(append)(room, update) for update in (first, second)]
        for seq, update in [(seqs[1], second), (seqs[0], first)]:
            await notes_group_send(
                room.group.pk,
                {"type": "notes.update", "seq": seq, "update": update, "origin": "another-worker"},
            )
        await alice.pump(timeout=limits.HOLE_GRACE_SECONDS + 0.3)
        assert alice.text() == "Innan sedan"
        assert registry._documents[room.group.pk].last_seq == seqs[1]
        await alice.close()

    run(scenario)
    assert log_reads.call_count == 0


def run(scenario):
    return async_to_sync(scenario)()


def test_compaction_equals_the_replayed_log(room):
    writer = Writer()
    for number in range(6):
        writer.add(f"Punkt {number}", question=number % 3)
        writer.type(number, " – utvecklad")
    writer.change(lambda: writer.points.__delitem__(2))
    for update in writer.updates:
        append(room, update)
    before, last = note_document_load(group_id=room.group.pk)

    assert note_snapshot_compact(group_id=room.group.pk) == last
    assert not NoteUpdate.objects.filter(group=room.group).exists()
    after, after_seq = note_document_load(group_id=room.group.pk)
    assert after_seq == last and document_json(after) == document_json(before) == document_json(writer.doc)

    later = writer.type(0, "!")
    append(room, later)
    assert note_snapshot_compact(group_id=room.group.pk) == last + 1
    assert NoteSnapshot.objects.filter(group=room.group).count() == 1
    assert document_json(note_document_load(group_id=room.group.pk)[0]) == document_json(writer.doc)


def test_a_stored_update_that_waits_in_vain_is_quarantined_and_the_rest_folds(room):
    """Before the schema was enforced on write, an update whose dependency never came was stored. It
    cannot be applied: loading quarantines it, and everything else loads and folds."""
    writer = Writer()
    writer.add("Grund")
    dependent = writer.type(0, " som saknas")  # needs the point, which the log does not have
    other = Writer()
    append(room, other.add("Annan punkt"))
    append(room, dependent)

    doc, last = note_document_load(group_id=room.group.pk)
    assert [point["text"] for point in document_json(doc)] == ["Annan punkt"] and last == 2
    quarantined = NoteUpdate.objects.get(group=room.group, seq=2)
    assert quarantined.quarantined_at is not None and quarantined.quarantine_reason.startswith("pending")

    assert note_snapshot_compact(group_id=room.group.pk) == 2
    assert list(NoteUpdate.objects.filter(group=room.group).values_list("seq", flat=True)) == [2], (
        "the quarantined row is kept for staff"
    )
    append(room, writer.updates[0])  # the writer still holds both and sends them again
    append(room, dependent)
    texts = sorted(point["text"] for point in document_json(note_document_load(group_id=room.group.pk)[0]))
    assert texts == ["Annan punkt", "Grund som saknas"]


def test_compaction_deletes_nothing_when_the_snapshot_differs(room, monkeypatch):
    writer = Writer()
    append(room, writer.add("Kvar"))
    calls = iter([[{"a": 1}], [{"b": 2}]])
    monkeypatch.setattr("notes.services.compaction.document_json", lambda doc: next(calls))
    with pytest.raises(CompactionMismatch):
        note_snapshot_compact(group_id=room.group.pk)
    assert NoteUpdate.objects.filter(group=room.group).count() == 1
    assert not NoteSnapshot.objects.exists()


def test_sequence_numbers_are_gapless_per_group(room):
    writer = Writer()
    seqs = [append(room, writer.add(str(number))) for number in range(5)]
    assert seqs == [1, 2, 3, 4, 5]
    other = note_update_append(group_id=room.other_group.pk, update=Writer().add("x"), author_id=None)
    assert other == 1


def test_a_commit_costs_four_statements_however_many_groups_it_stores(room):
    """Lock the logs (SELECT ... FOR UPDATE), check note-taking is open, take the seqs, insert: per
    commit of any number of groups and updates, besides opening and committing the transaction.
    SQLite has no FOR UPDATE: a write takes its lock first."""
    groups = (room.group.pk, room.other_group.pk)
    note_logs_append(
        appends={group: [Append(update=Writer().add("Första"), author_id=None)] for group in groups}
    )
    updates = {
        group: [Append(update=Writer().add(text), author_id=None) for text in ("Andra", "Tredje")]
        for group in groups
    }
    with CaptureQueriesContext(connection) as queries:
        stored = note_logs_append(appends=updates)
    assert stored == {group: [2, 3] for group in groups}
    assert NoteUpdate.objects.count() == 6
    statements = [query["sql"].split()[0].upper() for query in queries.captured_queries]
    lock = ["UPDATE"] if connection.vendor == "sqlite" else []
    assert [verb for verb in statements if verb not in TRANSACTION_CONTROL] == [
        *lock,
        "SELECT",
        "SELECT",
        "UPDATE",
        "INSERT",
    ]


TRANSACTION_CONTROL = {"BEGIN", "COMMIT", "SAVEPOINT", "RELEASE", "ROLLBACK"}
