"""Rows stored before the schema was enforced on write (issue 15): one that cannot be applied is set
aside (quarantined), staff are told, and the group page, the plenary wall, the live socket, closing
and compiling go on with everything else. Rows are stored here with the log service directly, as the
old socket did, since the socket now refuses them."""

from __future__ import annotations

import datetime as dt

import pytest
from asgiref.sync import async_to_sync
from django.urls import reverse
from django.utils import timezone
from pycrdt import Doc

from breakouts.models import NotePoint
from breakouts.services import note_taking_close
from consultations.models import ConsultationPage
from minutes.services.compile import minutes_compile
from notes.models import NoteSnapshot, NoteUpdate
from notes.schema import document_json
from notes.selectors import notes_set_aside
from notes.services import note_document_load, note_snapshot_compact, note_update_append
from tests.notes import crafted as c
from tests.notes.clients import NotesClient

BASE = 1000


def store(group, update: bytes) -> int:
    return note_update_append(group_id=group.pk, update=update, author_id=None)


def poisoned(group) -> None:
    """Alice's good point, then what took groups down: a string in points and an item whose parent is
    that string, a value nested 20,000 deep, and a NUL in a point's text."""
    store(group, c.point(BASE, 0, text="Långsiktig finansiering"))
    store(group, c.update({2000: (0, [c.item(content=c.STRING, body=c.string("x"), parent="points")])}))
    store(group, c.update({2001: (0, [c.item(content=c.ANY, body=c.values(1), parent=(2000, 0), key="k")])}))
    deep = c.var_uint(1) + c.deep_array(20_000)
    store(group, c.update({2002: (0, [c.item(content=c.ANY, body=deep, parent=(BASE, 0), key="id")])}))
    store(
        group,
        c.update({2003: (0, [c.item(content=c.STRING, body=c.string(" och\x00mer"), origin=(BASE, 27))])}),
    )
    store(group, c.point(3000, 0, point_id="p2", question=2, text="Unga når vi via skolan"))


@pytest.fixture
def poisoned_group(room):
    poisoned(room.group)
    return room.group


def texts(doc: Doc) -> list[str]:
    return [point["text"] for point in document_json(doc)]


def test_loading_sets_aside_what_cannot_be_applied_and_keeps_the_rest(poisoned_group):
    doc, last = note_document_load(group_id=poisoned_group.pk)
    assert last == 6
    assert texts(doc) == ["Långsiktig finansiering ochmer", "Unga når vi via skolan"], "NUL read as nothing"
    reasons = dict(
        NoteUpdate.objects.filter(quarantined_at__isnull=False).values_list("seq", "quarantine_reason")
    )
    assert set(reasons) == {2, 3, 4}
    assert reasons[2].startswith("refused") and reasons[3].startswith("pending")
    assert reasons[4].startswith("malformed") and "nested" in reasons[4]
    assert notes_set_aside(group_ids=[poisoned_group.pk]) == {poisoned_group.pk: 3}
    # Loading again reads the marks and changes nothing.
    assert texts(note_document_load(group_id=poisoned_group.pk)[0]) == texts(doc)
    assert NoteUpdate.objects.filter(quarantined_at__isnull=False).count() == 3


def test_the_pages_the_socket_closing_and_compiling_go_on(room, poisoned_group):
    member, staff = room.login(room.members[0]), room.login(room.staff)
    group_page = member.get(reverse("breakouts:group", args=[poisoned_group.pk]))
    assert group_page.status_code == 200 and "Unga når vi via skolan" in group_page.content.decode()
    wall = staff.get(reverse("breakouts:plenary", args=[poisoned_group.consultation_id]))
    assert wall.status_code == 200
    groups_screen = staff.get(reverse("breakouts_admin:groups", args=[poisoned_group.consultation_id]))
    assert f'data-notes-set-aside="{poisoned_group.pk}"' in groups_screen.content.decode()

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[1]))
        await alice.connect()
        await alice.edit(lambda doc: alice.points[1]["text"].insert(0, "Ja: "))
        await alice.pump()
        await alice.close()
        return texts(alice.doc)

    assert async_to_sync(scenario)() == ["Långsiktig finansiering ochmer", "Ja: Unga når vi via skolan"]

    note_taking_close(consultation=poisoned_group.consultation)
    stored = list(
        NotePoint.objects.filter(group=poisoned_group).order_by("order").values_list("text", flat=True)
    )
    assert stored == ["Långsiktig finansiering ochmer", "Ja: Unga når vi via skolan"]
    ConsultationPage.objects.filter(pk=poisoned_group.consultation_id).update(
        date=timezone.localdate() - dt.timedelta(days=1)
    )
    consultation = ConsultationPage.objects.get(pk=poisoned_group.consultation_id)
    minutes = minutes_compile(consultation=consultation, user=room.staff)
    assert "Unga når vi via skolan" in str(minutes.body)


def test_compaction_folds_around_what_is_set_aside(poisoned_group):
    assert note_snapshot_compact(group_id=poisoned_group.pk) == 6
    kept = NoteUpdate.objects.filter(group=poisoned_group)
    assert set(kept.values_list("seq", flat=True)) == {2, 3, 4}, "only the quarantined rows are kept"
    assert texts(note_document_load(group_id=poisoned_group.pk)[0])[1] == "Unga når vi via skolan"


def test_a_snapshot_that_cannot_be_read_is_set_aside_too(room):
    deep = c.update(
        {2002: (0, [c.item(content=c.ANY, body=c.var_uint(1) + c.deep_array(20_000), parent="points")])}
    )
    NoteSnapshot.objects.create(group=room.group, upto_seq=4, state=deep)
    store(room.group, c.point(BASE, 0, text="Efter"))  # seq 1: the log counter starts afresh here
    NoteUpdate.objects.filter(group=room.group).update(seq=5)
    doc, last = note_document_load(group_id=room.group.pk)
    assert last == 5 and texts(doc) == ["Efter"]
    assert NoteSnapshot.objects.get(group=room.group).quarantined_at is not None


def test_an_update_that_pycrdt_fails_on_is_set_aside_and_the_load_starts_again(room, monkeypatch):
    store(room.group, c.point(BASE, 0, text="Först"))
    store(room.group, c.point(3000, 0, point_id="p2", text="Sedan"))
    real = Doc.apply_update

    def failing(self, update):
        if b"Sedan" in update:
            raise RuntimeError("a panic in yrs")
        return real(self, update)

    monkeypatch.setattr(Doc, "apply_update", failing)
    doc, last = note_document_load(group_id=room.group.pk)
    assert texts(doc) == ["Först"] and last == 2
    assert NoteUpdate.objects.get(group=room.group, seq=2).quarantine_reason == "pycrdt: RuntimeError"
