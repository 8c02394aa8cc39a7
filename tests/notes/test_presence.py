"""Presence is the server's word (issue 15): the name and role others see come from the session, and a
client can set or clear only its own presence."""

from __future__ import annotations

from asgiref.sync import async_to_sync

from notes import limits
from notes.broadcast import notes_group_send
from notes.protocol import awareness_read
from notes.wire import Reader
from tests.notes import crafted as c
from tests.notes.clients import NotesClient


def states(client: NotesClient) -> dict[int, object]:
    """client id -> the latest state this socket was told (None: left)."""
    seen: dict[int, object] = {}
    for frame in client.awareness:
        reader = Reader(frame)
        reader.var_uint()
        for client_id, (_clock, state) in awareness_read(reader.var_bytes()).states.items():
            seen[client_id] = state
    return seen


def run(scenario):
    return async_to_sync(scenario)()


def test_a_member_cannot_appear_as_someone_else_or_as_staff(room):
    alice, mallory = room.members[0], room.members[1]

    async def scenario():
        watcher = NotesClient(room.path, room.login(room.members[2]))
        liar = NotesClient(room.path, room.login(mallory))
        await watcher.connect()
        await liar.connect()
        forged = {"user": {"name": alice.public_name(), "colour": "red", "staff": True}, "editing": "x" * 500}
        await liar.send(c.awareness({77: (1, forged)}))
        await watcher.pump()
        await liar.close()
        await watcher.close()
        return states(watcher)[77]

    shown = run(scenario)
    assert shown["user"]["name"] == mallory.public_name() != alice.public_name()
    assert shown["user"]["staff"] is False and shown["user"]["colour"] != "red"
    assert shown["editing"] is None, "a point id is at most 64 characters"


def test_staff_are_shown_as_staff(room):
    async def scenario():
        watcher = NotesClient(room.path, room.login(room.members[0]))
        official = NotesClient(room.path, room.login(room.staff))
        await watcher.connect()
        await official.connect()
        await official.send(c.awareness({5: (1, {"user": {"name": "x"}, "editing": "p1"})}))
        await watcher.pump()
        await official.close()
        await watcher.close()
        return states(watcher)[5]

    shown = run(scenario)
    assert shown["user"]["staff"] is True and shown["editing"] == "p1"


def test_a_member_cannot_take_over_or_clear_another_members_presence(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        mallory = NotesClient(room.path, room.login(room.members[1]))
        watcher = NotesClient(room.path, room.login(room.members[2]))
        for socket in (alice, mallory, watcher):
            await socket.connect()
        await alice.send(c.awareness({11: (1, {"editing": "p1"})}))
        await watcher.pump()
        assert states(watcher)[11]["editing"] == "p1"
        frames = len(watcher.awareness)
        await mallory.send(c.awareness({11: (2, None)}))  # "Alice left"
        await mallory.send(c.awareness({11: (3, {"editing": "p2"})}))  # "Alice is now in p2"
        await watcher.pump()
        assert len(watcher.awareness) == frames, "nothing of Mallory's claims reached the others"
        await mallory.send(c.awareness({12: (1, {"editing": "p3"})}))
        await watcher.pump()
        assert states(watcher)[12]["user"]["name"] == room.members[1].public_name()
        for socket in (alice, mallory, watcher):
            await socket.close()

    run(scenario)


def test_a_client_id_claimed_on_another_worker_is_not_taken_here(room):
    """Another worker's socket spoke for client 21 (the relayed event says whose it is)."""

    async def scenario():
        mallory = NotesClient(room.path, room.login(room.members[1]))
        watcher = NotesClient(room.path, room.login(room.members[2]))
        await mallory.connect()
        await watcher.connect()
        theirs = c.awareness({21: (1, {"user": {"name": "Alice"}, "editing": None})})
        event = {
            "type": "notes.awareness",
            "data": theirs,
            "origin": "elsewhere!x",
            "user": room.members[0].pk,
        }
        await notes_group_send(room.group.pk, {**event, "claimed": [21], "removed": []})
        await watcher.pump()
        frames = len(watcher.awareness)
        await mallory.send(c.awareness({21: (2, None)}))
        await watcher.pump()
        assert len(watcher.awareness) == frames
        await mallory.close()
        await watcher.close()

    run(scenario)


def test_one_socket_speaks_for_a_few_client_ids_at_most(room):
    async def scenario():
        mallory = NotesClient(room.path, room.login(room.members[1]))
        watcher = NotesClient(room.path, room.login(room.members[2]))
        await mallory.connect()
        await watcher.connect()
        many = {100 + number: (1, {"editing": None}) for number in range(20)}
        await mallory.send(c.awareness(many))
        await watcher.pump()
        await mallory.close()
        await watcher.pump()
        await watcher.close()
        return states(watcher)

    seen = run(scenario)
    assert len([client for client in seen if client >= 100]) == limits.MAX_PRESENCE_CLIENTS
    assert all(state is None for client, state in seen.items() if client >= 100), "all gone when it closed"
