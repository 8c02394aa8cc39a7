"""Two or more pycrdt clients on one group converge; late joiners and restarted servers lose nothing."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync

from notes import limits
from notes.models import NoteUpdate
from notes.registry import documents_forget
from notes.schema import document_json
from notes.services import note_document_load
from tests.notes.clients import NotesClient

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario):
    return async_to_sync(scenario)()


def server_json(group) -> list[dict]:
    doc, _seq = note_document_load(group_id=group.pk)
    return document_json(doc)


def test_concurrent_edits_in_one_point_converge(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        bob = NotesClient(room.path, room.login(room.members[1]))
        assert await alice.connect() and await bob.connect()
        await alice.add_point(1, "Långsiktig finansiering")
        await bob.pump()
        assert bob.text() == "Långsiktig finansiering"
        # Both type into the same Y.Text at the same moment, before seeing each other's change.
        await alice.edit(lambda doc: alice.points[0]["text"].insert(0, "Alice: "))
        await bob.edit(lambda doc: bob.points[0]["text"].__iadd__(" (Bob)"))
        await alice.edit(lambda doc: alice.points[0]["text"].insert(3, "X"))
        await alice.pump()
        await bob.pump()
        await alice.pump()
        assert alice.text() == bob.text()
        assert alice.text() == "AliXce: Långsiktig finansiering (Bob)"
        await alice.close()
        await bob.close()
        return alice.text()

    text = run(scenario)
    assert server_json(room.group)[0]["text"] == text


def test_late_joiner_receives_everything(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        for number in range(5):
            await alice.add_point(1 + number % 2, f"Punkt {number}", takeaway=number == 3)
        await alice.pump()
        late = NotesClient(room.path + "/", room.login(room.members[2]))
        assert await late.connect()
        assert document_json(late.doc) == document_json(alice.doc)
        assert len(late.points) == 5 and late.points[3]["takeaway"] is True
        await alice.close()
        await late.close()

    run(scenario)


def test_a_restarted_server_loses_no_update(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        await alice.add_point(2, "Före omstarten")
        await alice.edit(lambda doc: alice.points[0]["text"].__iadd__(" och mer"))
        await alice.pump()
        await alice.close()
        documents_forget()  # a new process: nothing in memory
        fresh = NotesClient(room.path, room.login(room.members[1]))
        await fresh.connect()
        assert fresh.text() == "Före omstarten och mer"
        await fresh.close()

    run(scenario)
    assert NoteUpdate.objects.filter(group=room.group).count() == 2


def test_offline_edits_of_a_reconnecting_client_are_stored(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        await alice.add_point(1, "Gemensam")
        await alice.pump()
        offline_doc = alice.doc
        await alice.close()
        # Typed while offline: not sent; the next connection's sync step 2 carries it.
        with offline_doc.transaction():
            alice.points[0]["text"].insert(len(alice.text()), " offline")
        back = NotesClient(room.path, room.login(room.members[0]))
        back.doc = offline_doc
        await back.connect()
        await back.pump()
        await back.close()
        other = NotesClient(room.path, room.login(room.members[1]))
        await other.connect()
        assert other.text() == "Gemensam offline"
        await other.close()

    run(scenario)


def test_staff_may_read_and_write(room):
    async def scenario():
        staff = NotesClient(room.path, room.login(room.staff))
        assert await staff.connect()
        await staff.add_point(1, "Från tjänstemannen")
        await staff.pump()
        await staff.close()

    run(scenario)
    assert server_json(room.group)[0]["text"] == "Från tjänstemannen"


def test_a_joiner_gets_a_large_document_in_parts(room, monkeypatch):
    """Daphne sends no message over 1 MiB: a document larger than a part comes as several sync
    updates and a final step 2 (limits.OUTGOING_PART_BYTES, here made small)."""
    monkeypatch.setattr(limits, "OUTGOING_PART_BYTES", 2_000)

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        for number in range(6):
            await alice.add_point(1 + number % 3, f"Punkt {number} " + "ö" * 900)
        await alice.pump()
        late = NotesClient(room.path, room.login(room.members[1]))
        frames = []
        handle = late.handle
        late.handle = lambda frame: frames.append(len(frame)) or handle(frame)
        await late.connect()
        await late.pump()
        await alice.close()
        await late.close()
        return document_json(alice.doc), document_json(late.doc), frames

    written, received, frames = run(scenario)
    assert received == written and len(written) == 6
    assert max(frames) < 2_000 + 64 and len(frames) >= 6
