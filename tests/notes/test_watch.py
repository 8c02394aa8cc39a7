"""What no message announces reaches an idle socket anyway: an expired session closes it, and an
update the channel layer dropped last is read from the log."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from unittest import mock

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.contrib.sessions.models import Session
from django.utils import timezone
from pycrdt import Array, Doc, Map, Text

from breakouts.services import group_member_remove
from notes import consumer as consumer_module
from notes import limits
from notes import watch as watch_module
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


def test_an_idle_socket_of_a_deactivated_account_is_closed(room):
    """Deactivating sends no message to the sockets: the watch finds it."""
    alice_user = room.members[0]

    async def scenario():
        alice = NotesClient(room.path, room.login(alice_user))
        await alice.connect()
        await sync_to_async(type(alice_user).objects.filter(pk=alice_user.pk).update)(is_active=False)
        assert await alice.wait_closed(timeout=3) == limits.CLOSE_ACCESS_LOST

    async_to_sync(scenario)()


def test_a_removal_whose_message_the_layer_dropped_still_closes_the_socket(room, monkeypatch):
    """Rights are read in full now and then, in case a membership message never arrived."""
    monkeypatch.setattr(limits, "ACCESS_RECHECK_SECONDS", 0.3)
    alice_user = room.members[0]

    async def scenario():
        alice = NotesClient(room.path, room.login(alice_user))
        await alice.connect()
        with mock.patch("breakouts.services.groups.notify_groups"):  # the message is lost
            await sync_to_async(group_member_remove)(group=room.group, person=alice_user)
        assert await alice.wait_closed(timeout=3) == limits.CLOSE_ACCESS_LOST

    async_to_sync(scenario)()


def test_typing_reads_no_rights_and_the_watch_reads_once_for_all_sockets(room, monkeypatch):
    """What lets a worker hold hundreds of sockets: a keystroke costs the log append and nothing
    else, and one watch reading serves every socket of the process."""
    rights_read = mock.Mock(wraps=consumer_module.notes_access)
    watch_reads = mock.Mock(wraps=watch_module.watch_read)
    monkeypatch.setattr(consumer_module, "notes_access", rights_read)
    monkeypatch.setattr(watch_module, "watch_read", watch_reads)
    monkeypatch.setattr(limits, "WATCH_SECONDS", 0.5)

    async def scenario():
        clients = [NotesClient(room.path, room.login(user)) for user in room.members]
        for client in clients:
            await client.connect()
        await clients[0].add_point(1, "")
        for letter in "Tjugo tecken, en i taget":
            await clients[0].edit(lambda doc, letter=letter: clients[0].points[0]["text"].insert(0, letter))
        await asyncio.sleep(1.2)
        for client in clients:
            await client.pump()
        assert {client.text() for client in clients} == {"Tjugo tecken, en i taget"[::-1]}
        for client in clients:
            await client.close()

    started = time.monotonic()
    async_to_sync(scenario)()
    elapsed = time.monotonic() - started
    assert rights_read.call_count == len(room.members)  # once per socket, at connect
    # One reading per 0.5 s covering all three sockets, not one per socket.
    assert max(len(call.kwargs["sessions"]) for call in watch_reads.call_args_list) == len(room.members)
    assert watch_reads.call_count <= elapsed / 0.5 + 1
