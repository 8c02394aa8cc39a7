"""The log is folded as the meeting goes on, and by a command, without changing what anyone sees."""

from __future__ import annotations

import io

import pytest
from asgiref.sync import async_to_sync
from django.core.management import call_command

from notes import limits
from notes.models import NoteSnapshot, NoteUpdate
from notes.registry import documents_forget
from notes.schema import document_json
from notes.services import note_document_load
from tests.notes.clients import NotesClient


@pytest.fixture(autouse=True)
def _compact_often(monkeypatch):
    monkeypatch.setattr(limits, "COMPACT_EVERY", 5)


def test_the_socket_folds_the_log_and_a_late_joiner_still_gets_everything(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        for number in range(12):
            await alice.add_point(1, f"Punkt {number}")
        await alice.pump()
        documents_forget()  # the joiner is served by a fresh worker, from the database
        late = NotesClient(room.path, room.login(room.members[1]))
        await late.connect()
        await late.pump()
        assert document_json(late.doc) == document_json(alice.doc)
        await alice.close()
        await late.close()

    async_to_sync(scenario)()
    snapshot = NoteSnapshot.objects.get(group=room.group)
    assert snapshot.upto_seq == 10
    assert list(NoteUpdate.objects.filter(group=room.group).values_list("seq", flat=True)) == [11, 12]


def test_the_command_folds_every_group_and_keeps_the_content(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        for number in range(3):
            await alice.add_point(2, f"Punkt {number}")
        await alice.pump()
        await alice.close()
        return document_json(alice.doc)

    written = async_to_sync(scenario)()
    out = io.StringIO()
    call_command("notes_compact", stdout=out)
    assert "1 group(s) compacted" in out.getvalue()
    assert not NoteUpdate.objects.filter(group=room.group).exists()
    assert document_json(note_document_load(group_id=room.group.pk)[0]) == written
