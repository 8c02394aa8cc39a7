"""Every refusal of the notes socket, and that a misbehaving socket harms no one else."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from pycrdt import YMessageType, create_awareness_message, write_var_uint

from breakouts.services import group_member_move, group_member_remove, note_taking_close, note_taking_open
from notes import limits
from notes.models import NoteUpdate
from notes.protocol import PERMISSION_DENIED, PERMISSION_GRANTED, update_message
from notes.protocol import awareness_read as parse_awareness
from notes.wire import Reader
from tests.notes.clients import NotesClient

pytestmark = pytest.mark.django_db(transaction=True)


def presence_states(frame: bytes) -> dict:
    """client id -> (clock, state) of an awareness frame."""
    reader = Reader(frame)
    assert reader.var_uint() == YMessageType.AWARENESS
    return parse_awareness(reader.var_bytes()).states


def run(scenario):
    return async_to_sync(scenario)()


def handshake(room, user, origin="http://testserver", path=None) -> bool:
    async def scenario():
        client = NotesClient(path or room.path, room.login(user), origin=origin)
        accepted = await client.connect()
        await client.close()
        return accepted

    return run(scenario)


def test_handshake_refusals(room):
    assert handshake(room, room.members[0])
    assert handshake(room, room.staff)
    assert not handshake(room, None), "anonymous"
    assert not handshake(room, room.outsider), "a member of another group"
    assert not handshake(room, room.members[0], origin="https://evil.example"), "foreign origin"
    assert not handshake(room, room.members[0], origin=None), "no origin"
    assert not handshake(room, room.members[0], path="/ws/notes/999999"), "no such group"


def test_inactive_user_is_refused(room):
    room.members[0].is_active = False
    room.members[0].save()
    assert not handshake(room, room.members[0])


def misbehaviour(room, frame_or_frames, *, text: str | None = None) -> tuple[int | None, str]:
    """Alice misbehaves; returns her close code, and what Bob, still connected, sees afterwards."""

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        bob = NotesClient(room.path, room.login(room.members[1]))
        await alice.connect()
        await bob.connect()
        if text is not None:
            await alice.communicator.send_to(text_data=text)
        for frame in frame_or_frames if isinstance(frame_or_frames, list) else [frame_or_frames]:
            await alice.send(frame)
        code = await alice.wait_closed()
        await bob.add_point(1, "Bob skriver vidare")
        await bob.pump()
        carol = NotesClient(room.path, room.login(room.members[2]))
        await carol.connect()
        seen = carol.text()
        await bob.close()
        await carol.close()
        return code, seen

    return run(scenario)


@pytest.mark.parametrize(
    "frame",
    [
        b"",
        b"\x07\x00",  # unknown message type
        b"\x00\x09\x00",  # unknown sync step
        b"\x00\x02\x05\x01\x02",  # length beyond the frame
        update_message(b"\xff\xff\xff\xff"),  # not a Yjs update
        b"\x00\x00\x01\x00" + b"\x00",  # trailing bytes after a sync step 1
        create_awareness_message(b"\x01\x05\x01\x03{x}"),  # awareness state is not JSON
    ],
    ids=["empty", "unknown-type", "unknown-step", "truncated", "bad-update", "trailing", "bad-awareness"],
)
def test_malformed_message_closes_that_socket_only(room, frame):
    code, seen = misbehaviour(room, frame)
    assert code == limits.CLOSE_MALFORMED
    assert seen == "Bob skriver vidare"


def test_text_frame_is_malformed(room):
    code, seen = misbehaviour(room, [], text="hej")
    assert code == limits.CLOSE_MALFORMED
    assert seen == "Bob skriver vidare"


def test_oversized_message_is_refused_and_closes(room):
    code, seen = misbehaviour(room, update_message(b"\x00" * (limits.MAX_MESSAGE_BYTES + 1)))
    assert code == limits.CLOSE_TOO_LARGE
    assert seen == "Bob skriver vidare"
    assert not NoteUpdate.objects.filter(author=room.members[0]).exists()


def test_flood_is_stopped(room):
    query = bytes([3])  # "query awareness": cheap, and counted like any message
    code, seen = misbehaviour(room, [query] * (limits.RATE_BURST + 50))
    assert code == limits.CLOSE_RATE_LIMITED
    assert seen == "Bob skriver vidare"


def test_closed_note_taking_refuses_updates_but_still_syncs(room):
    consultation = room.group.consultation

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        await alice.add_point(1, "Innan stängning")
        await alice.pump()
        await sync_to_async(note_taking_close)(consultation=consultation)
        await alice.pump()
        assert alice.auth[-1] == (PERMISSION_DENIED, "read-only"), "told at once that it is read-only"
        await alice.add_point(1, "Efter stängning")
        await alice.pump()
        assert alice.closed_code is None, "the socket stays open for reading"
        reader = NotesClient(room.path, room.login(room.members[1]))
        assert await reader.connect()
        assert [str(point["text"]) for point in reader.points] == ["Innan stängning"]
        assert reader.auth == [(PERMISSION_DENIED, "read-only")]
        await reader.close()
        await sync_to_async(note_taking_open)(consultation=consultation)
        await alice.pump()
        assert alice.auth[-1] == (PERMISSION_GRANTED, "read-only")
        await alice.close()

    run(scenario)
    assert NoteUpdate.objects.filter(group=room.group).count() == 1


def test_removed_member_is_disconnected(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        await sync_to_async(group_member_remove)(group=room.group, person=room.members[0])
        assert await alice.wait_closed() == limits.CLOSE_ACCESS_LOST

    run(scenario)


def test_moved_member_is_disconnected_from_the_old_group(room):
    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        await sync_to_async(group_member_move)(person=room.members[0], to_group=room.other_group)
        assert await alice.wait_closed() == limits.CLOSE_ACCESS_LOST

    run(scenario)


def test_logged_out_user_is_disconnected(room):
    client = room.login(room.members[0])

    async def scenario():
        alice = NotesClient(room.path, client)
        await alice.connect()
        await sync_to_async(client.logout)()
        assert await alice.wait_closed() == limits.CLOSE_ACCESS_LOST

    run(scenario)
    assert not NoteUpdate.objects.filter(group=room.group).exists()


def test_awareness_is_relayed_not_stored(room):
    state = b'{"user":{"name":"Alice"},"editing":"p1"}'
    body = write_var_uint(1) + write_var_uint(42) + write_var_uint(1) + write_var_uint(len(state)) + state
    name = room.members[0].public_name()

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        bob = NotesClient(room.path, room.login(room.members[1]))
        await alice.connect()
        await bob.connect()
        await alice.send(create_awareness_message(body))
        await bob.pump()
        relayed = presence_states(bob.awareness[-1])
        assert relayed[42][0] == 1
        assert relayed[42][1]["user"]["name"] == name, "the server names the sender, not the sender itself"
        assert relayed[42][1]["editing"] == "p1"
        late = NotesClient(room.path, room.login(room.members[2]))
        await late.connect()
        await late.pump()
        assert any(42 in presence_states(frame) for frame in late.awareness), "a joiner learns who is here"
        await alice.close()
        await bob.pump()
        assert presence_states(bob.awareness[-1])[42][1] is None
        await bob.close()
        await late.close()

    run(scenario)
    assert not NoteUpdate.objects.exists()
