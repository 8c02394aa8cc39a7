"""What no message announces reaches an idle socket anyway: an expired session closes it, and an
update the channel layer dropped last is read from the log."""

from __future__ import annotations

import datetime as dt

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.contrib.sessions.models import Session
from django.utils import timezone
from pycrdt import Array, Doc, Map, Text

from notes import limits
from notes.services import note_update_append
from tests.notes.clients import NotesClient


@pytest.fixture(autouse=True)
def _quick_watch(monkeypatch):
    monkeypatch.setattr(limits, "WATCH_SECONDS", 0.2)


def _expire_every_session():
    Session.objects.update(expire_date=timezone.now() - dt.timedelta(seconds=1))


def test_an_idle_socket_of_an_expired_session_is_closed(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        await sync_to_async(_expire_every_session)()
        assert await alice.wait_closed(timeout=3) == limits.CLOSE_ACCESS_LOST

    async_to_sync(scenario)()


def test_an_idle_socket_of_a_live_session_stays_open(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        assert await alice.wait_closed(timeout=1) is None
        await alice.close()

    async_to_sync(scenario)()


def _point_update(text: str) -> bytes:
    doc = Doc()
    with doc.transaction():
        doc.get("points", type=Array).append(
            Map({"id": text, "question": 1, "text": Text(text), "takeaway": False})
        )
    return doc.get_update()


def test_the_last_update_the_layer_dropped_still_arrives(room):
    """Appended to the log but never sent through the layer, as when Redis drops a message."""

    async def scenario():
        bob = NotesClient(room.path, room.login(room.members[1]))
        await bob.connect()
        await sync_to_async(note_update_append)(
            group_id=room.group.pk, update=_point_update("Tappad"), author_id=None
        )
        await bob.pump(timeout=1)
        assert [str(point["text"]) for point in bob.points] == ["Tappad"]
        await bob.close()

    async_to_sync(scenario)()
