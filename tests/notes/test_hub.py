"""One subscription per group per process (notes/hub.py): an update crosses the channel layer once,
whatever the number of sockets, and one failing socket does not stop the others."""

from __future__ import annotations

import asyncio
from unittest import mock

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from notes import limits, registry
from notes.broadcast import notes_channel_group
from notes.hub import GroupHub
from notes.presence import PresenceOwners
from notes.protocol import awareness_message, parse
from tests.notes.clients import NotesClient

pytestmark = pytest.mark.django_db(transaction=True)


def run(scenario):
    return async_to_sync(scenario)()


class LayerSpy:
    """What the sockets ask of the channel layer (in memory or Redis) for one group."""

    def __init__(self, group_id: int):
        self.layer, self.group = get_channel_layer(), notes_channel_group(group_id)
        self.patches = [
            mock.patch.object(self.layer, name, wraps=getattr(self.layer, name))
            for name in ("group_add", "group_discard", "group_send")
        ]

    def __enter__(self):
        self.add, self.discard, self.send = (patch.start() for patch in self.patches)
        return self

    def __exit__(self, *exc):
        for patch in self.patches:
            patch.stop()

    def calls(self, spy) -> list:
        return [call.args for call in spy.call_args_list if call.args[0] == self.group]

    def members(self) -> set[str]:
        joined = {args[1] for args in self.calls(self.add)}
        return joined - {args[1] for args in self.calls(self.discard)}


def shows(socket: NotesClient, text: str) -> bool:
    return len(socket.points) > 0 and socket.text() == text


async def connected(room, users) -> list[NotesClient]:
    sockets = [NotesClient(room.path, room.login(user)) for user in users]
    for socket in sockets:
        assert await socket.connect()
    return sockets


def test_an_update_crosses_the_layer_once_for_the_whole_group(room):
    async def scenario():
        with LayerSpy(room.group.pk) as layer:
            alice, bob, carol = await connected(room, room.members)
            await alice.add_point(1, "Ett möte per kvartal")
            for peer in (bob, carol):
                await peer.pump_until(lambda peer=peer: shows(peer, "Ett möte per kvartal"))
            updates = [args for args in layer.calls(layer.send) if args[1]["type"] == "notes.update"]
            members = layer.members()
            for socket in (alice, bob, carol):
                await socket.close()
        return len(members), len(updates)

    # One subscription for the process, not one per socket; one message for three sockets.
    assert run(scenario) == (1, 1)


def test_the_last_socket_to_leave_ends_the_subscription(room):
    async def scenario():
        with LayerSpy(room.group.pk) as layer:
            sockets = await connected(room, room.members[:2])
            hub = registry._documents[room.group.pk].hub
            for socket in sockets:
                await socket.close()
            await sockets[0].pump(0.1)
            return layer.members(), registry._documents, hub.closed, hub.task.done()

    assert run(scenario) == (set(), {}, True, True)


def test_a_socket_that_fails_is_closed_and_the_others_go_on(room):
    async def scenario():
        alice, bob, carol = await connected(room, room.members)
        hub = registry._documents[room.group.pk].hub
        broken = next(socket for socket in hub.sockets if socket.user.pk == room.members[1].pk)

        async def bug(event):
            raise RuntimeError("a bug in one socket")

        broken.notes_update = bug
        await alice.add_point(1, "Längre ansökningstider")
        await carol.pump_until(lambda: shows(carol, "Längre ansökningstider"))
        code = await bob.wait_closed()
        await alice.edit(lambda doc: alice.points[0]["text"].insert(0, "Mycket "))
        await carol.pump_until(lambda: shows(carol, "Mycket Längre ansökningstider"))
        for socket in (alice, carol):
            await socket.close()
        return code

    assert run(scenario) == limits.CLOSE_SERVER_ERROR


class FakeSocket:
    def __init__(self, on_message=None):
        self.got: list[str] = []
        self.on_message = on_message

    async def hub_receive(self, message):
        self.got.append(message["type"])
        if self.on_message is not None:
            await self.on_message()


def test_a_socket_that_becomes_ready_while_a_message_is_passed_on_still_gets_it():
    async def scenario():
        hub = GroupHub(1)
        joining = FakeSocket()
        hub.join(joining)
        # The first socket's client is slow to take the message; meanwhile the other one gets ready.
        first = FakeSocket(on_message=lambda: hub.ready(joining))
        hub.join(first)
        await hub.ready(first)
        hub.sockets = {first: None, joining: hub.sockets[joining]}  # the first socket is passed it first
        await hub.deliver({"type": "notes.update"})
        return first.got, joining.got

    assert async_to_sync(scenario)() == (["notes.update"], ["notes.update"])


def test_presence_sent_together_reaches_each_socket_as_one_frame_without_its_own(room):
    async def scenario():
        alice, bob, carol = await connected(room, room.members)
        await alice.send(awareness_message({101: (1, {"editing": None})}))
        await bob.send(awareness_message({202: (1, {"editing": None})}))
        for socket in (carol, alice, bob):
            await socket.pump_until(lambda socket=socket: socket.awareness)
            await socket.pump(timeout=0.2)  # nothing more comes
        seen = [[set(parse(frame).states) for frame in socket.awareness] for socket in (alice, bob, carol)]
        for socket in (alice, bob, carol):
            await socket.close()
        return seen

    # Carol gets both in one frame; Alice and Bob each the other's only, never their own.
    assert run(scenario) == [[{202}], [{101}], [{101, 202}]]


def test_a_channel_layer_that_hangs_does_not_hold_up_the_senders_next_keystroke(room):
    async def scenario():
        alice, bob = await connected(room, room.members[:2])
        layer, gate = get_channel_layer(), asyncio.Event()
        real_send = layer.group_send

        async def hanging(group, message):
            await gate.wait()  # Redis busy: nothing crosses to the other workers yet
            await real_send(group, message)

        with mock.patch.object(layer, "group_send", hanging):
            await alice.add_point(1, "Först")
            await alice.add_point(2, "Sedan")
            await bob.pump_until(lambda: len(bob.points) == 2, timeout=5)
            gate.set()
            await asyncio.sleep(0.1)  # what waited goes out
        for socket in (alice, bob):
            await socket.close()
        return [str(point["text"]) for point in bob.points]

    # Both keystrokes reached Bob on this worker while the layer hung.
    assert run(scenario) == ["Först", "Sedan"]


def test_other_processes_presence_is_noted_once_for_the_group_not_once_per_socket():
    async def scenario():
        owners = PresenceOwners()
        hub = GroupHub(1, presence=owners)
        sockets = [FakeSocket() for _ in range(3)]
        for socket in sockets:
            hub.join(socket)
            await hub.ready(socket)
        batch = {
            "type": "notes.awareness.batch",
            "messages": [{"origin": "elsewhere", "user": 7, "claimed": [303], "removed": []}],
            "everyone": b"frame",
            "without": {},
        }
        with mock.patch.object(owners, "claim", wraps=owners.claim) as claim:
            await hub.deliver(batch)
        return claim.call_count, owners.owners, [socket.got for socket in sockets]

    claims, owners, got = async_to_sync(scenario)()
    assert claims == 1  # three sockets, one claim
    assert owners == {303: 7}
    assert got == [["notes.awareness.batch"]] * 3


def test_a_renewed_presence_waits_and_goes_out_with_the_next_change(room):
    """y-websocket renews an unchanged presence every 15 s; peers need it only before 30 s pass, so a
    room's renewals share a frame instead of one each."""

    async def scenario():
        alice, bob = await connected(room, room.members[:2])
        await alice.send(awareness_message({101: (1, {"editing": None})}))
        await bob.pump_until(lambda: bob.awareness)
        await alice.send(awareness_message({101: (2, {"editing": None})}))  # a renewal
        await bob.pump(timeout=0.3)
        held = len(bob.awareness)
        await alice.send(awareness_message({101: (3, {"editing": "p1"})}))  # a change
        await bob.pump_until(lambda: len(bob.awareness) == 2, timeout=1)
        clocks = [parse(frame).states[101][0] for frame in bob.awareness]
        for socket in (alice, bob):
            await socket.close()
        return held, clocks

    # The renewal was held, not lost: the change carried it in the same frame, newest clock last.
    held, clocks = run(scenario)
    assert held == 1
    assert clocks == [1, 3]
