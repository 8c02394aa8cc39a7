"""Hostile frames from one ordinary member of a group (issue 15): each is refused before anything
stores or applies it, its socket is closed with a code and a reason the browser can show, the rest of
the group keeps working and never sees it, and the log holds only what the others wrote.

These run the consumer in this process (fast, one scenario per frame); test_hostile_server.py sends
the frames that could crash a process to a real server process."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from pycrdt import Map, Text

from notes import limits, registry
from notes.models import NoteUpdate
from notes.schema import document_json
from notes.services import note_document_load
from tests.notes import crafted as c
from tests.notes.clients import NotesClient

BASE = 1000  # the client id of the point everyone starts from: map at clock 0, text "hej" at 5-7
ATTACKER = 2000
TEXT_END = (BASE, 7)
POINT = (BASE, 0)


def one(structs_client: int, *structs: bytes, clock: int = 0) -> bytes:
    return c.frame(c.update({structs_client: (clock, list(structs))}))


def typed(text: str) -> bytes:
    return one(ATTACKER, c.item(content=c.STRING, body=c.string(text), origin=TEXT_END))


def entry(key: str, content: int, body: bytes) -> bytes:
    return one(ATTACKER, c.item(content=content, body=body, parent=POINT, key=key))


def client_twice() -> bytes:
    section = c.var_uint(1) + c.var_uint(ATTACKER) + c.var_uint(0)
    section += c.item(content=c.STRING, body=c.string("a"), origin=TEXT_END)
    return c.frame(c.var_uint(2) + section + section + c.var_uint(0))


MALFORMED = limits.CLOSE_MALFORMED, limits.REASON_MALFORMED
SCHEMA = limits.CLOSE_MALFORMED, limits.REASON_SCHEMA

CASES = {
    # The decoder: nothing unbounded, nothing the schema cannot hold.
    "values nested 30,000 deep (array)": (
        one(
            ATTACKER, c.item(content=c.ANY, body=c.var_uint(1) + c.deep_array(30_000), parent=POINT, key="id")
        ),
        MALFORMED,
    ),
    "values nested 20,000 deep (map)": (
        one(ATTACKER, c.item(content=c.ANY, body=c.var_uint(1) + c.deep_map(20_000), parent=POINT, key="id")),
        MALFORMED,
    ),
    "truncated varuint": (c.frame(b"\x01\x80"), MALFORMED),
    "oversized varuint": (c.frame(b"\xff" * 11 + b"\x01"), MALFORMED),
    "a count beyond the frame": (c.frame(c.var_uint(2**40) + b"\x00"), MALFORMED),
    "trailing bytes": (c.frame(c.update({}) + b"\x00"), MALFORMED),
    "JSON content": (entry("id", c.JSON, c.var_uint(1) + c.string('"x"')), MALFORMED),
    "binary content": (entry("id", c.BINARY, c.var_bytes(b"xx")), MALFORMED),
    "embed content": (
        one(ATTACKER, c.item(content=c.EMBED, body=c.string("{}"), origin=TEXT_END)),
        MALFORMED,
    ),
    "format content": (
        one(ATTACKER, c.item(content=c.FORMAT, body=c.string("b") + c.string("true"), origin=TEXT_END)),
        MALFORMED,
    ),
    "sub-document content": (entry("text", c.DOC, c.string("guid") + c.any_value({})), MALFORMED),
    "an XML element": (entry("text", c.TYPE, c.var_uint(c.Y_XML_ELEMENT) + c.string("p")), MALFORMED),
    "content kind 17": (entry("id", 17, c.values("x")), MALFORMED),
    "a key of 100 characters": (entry("k" * 100, c.ANY, c.values(1)), MALFORMED),
    "a client listed twice": (client_twice(), MALFORMED),
    "a clock past 2^31": (
        one(ATTACKER, c.item(content=c.STRING, body=c.string("a"), origin=TEXT_END), clock=2**31),
        MALFORMED,
    ),
    "a deleted range past 2^31": (c.frame(c.update({}, {BASE: [(2**31 - 2, 5)]})), MALFORMED),
    "a text frame": ("text", MALFORMED),
    "sync step 7": (b"\x00\x07\x00", MALFORMED),
    "message type 9": (b"\x09", MALFORMED),
    "an auth message from a client": (b"\x02\x00\x00", MALFORMED),
    # The schema, on the document as it stands.
    "a string in points": (
        one(ATTACKER, c.item(content=c.STRING, body=c.string("x"), parent="points")),
        SCHEMA,
    ),
    "a number in points": (one(ATTACKER, c.item(content=c.ANY, body=c.values(1), parent="points")), SCHEMA),
    "a parent that is a string": (
        one(ATTACKER, c.item(content=c.STRING, body=c.string("x"), parent=(BASE, 5))),
        SCHEMA,
    ),
    "a parent that is a value": (
        one(ATTACKER, c.item(content=c.ANY, body=c.values(1), parent=(BASE, 1), key="x")),
        SCHEMA,
    ),
    "another root": (one(ATTACKER, c.item(content=c.ANY, body=c.values(1), parent="notes", key="x")), SCHEMA),
    "a key in points": (
        one(ATTACKER, c.item(content=c.TYPE, body=c.var_uint(c.Y_MAP), parent="points", key="x")),
        SCHEMA,
    ),
    "an unknown key in a point": (entry("owner", c.ANY, c.values("me")), SCHEMA),
    "an id of 65 characters": (entry("id", c.ANY, c.values("x" * 65)), SCHEMA),
    "an id with NUL": (entry("id", c.ANY, c.values("a\x00b")), SCHEMA),
    "an id that is a number": (entry("id", c.ANY, c.values(5)), SCHEMA),
    "two values under one key": (entry("id", c.ANY, c.values("a", "b")), SCHEMA),
    "a question of no question": (entry("question", c.ANY, c.values(99)), SCHEMA),
    "a question that is a string": (entry("question", c.ANY, c.values("1")), SCHEMA),
    "a question that is a fraction": (entry("question", c.ANY, c.values(1.5)), SCHEMA),
    "a takeaway that is a string": (entry("takeaway", c.ANY, c.values("yes")), SCHEMA),
    "a text that is a map": (entry("text", c.TYPE, c.var_uint(c.Y_MAP)), SCHEMA),
    "a map inside a text": (
        one(ATTACKER, c.item(content=c.TYPE, body=c.var_uint(c.Y_MAP), origin=TEXT_END)),
        SCHEMA,
    ),
    "a value inside a text": (
        one(ATTACKER, c.item(content=c.ANY, body=c.values(1), origin=TEXT_END)),
        SCHEMA,
    ),
    "NUL in a text": (typed("a\x00b"), SCHEMA),
    "an escape character in a text": (typed("\x1b[2J"), SCHEMA),
    "neighbours in two places": (
        one(ATTACKER, c.item(content=c.STRING, body=c.string("x"), origin=TEXT_END, right=POINT)),
        SCHEMA,
    ),
    # Quotas.
    "a point longer than allowed": (
        typed("x" * (limits.MAX_POINT_CHARS - 2)),
        (limits.CLOSE_TOO_LARGE, limits.REASON_POINT),
    ),
    "a frame over the size limit": (
        typed("x" * limits.MAX_MESSAGE_BYTES),
        (limits.CLOSE_TOO_LARGE, limits.REASON_FRAME),
    ),
}
CASES["presence nested 2,000 deep"] = (
    b"\x01"
    + c.var_bytes(c.var_uint(1) + c.var_uint(7) + c.var_uint(1) + c.var_bytes(b"[" * 2000 + b"]" * 2000)),
    MALFORMED,
)
CASES["presence over 4 KiB"] = (c.awareness({7: (1, {"editing": "x" * 5000})}), MALFORMED)


def run(scenario):
    return async_to_sync(scenario)()


def test_every_hostile_frame_is_refused_and_the_group_goes_on(room, subtests):
    """One scenario per frame, on one group that the others keep writing in."""
    alice_login, mallory_login = room.login(room.members[0]), room.login(room.members[1])

    async def scenario():
        alice = NotesClient(room.path, alice_login)
        bob = NotesClient(room.path, room.login(room.members[2]))
        await alice.connect()
        await bob.connect()
        base = c.point(BASE, 0, text="hej")
        alice.doc.apply_update(base)
        await alice.send(c.frame(base))
        await bob.pump()
        assert bob.text() == "hej"
        for name, (frame, (code, reason)) in CASES.items():
            with subtests.test(msg=name):
                mallory = NotesClient(room.path, mallory_login)
                assert await mallory.connect()
                if frame == "text":
                    await mallory.communicator.send_input({"type": "websocket.receive", "text": "hej"})
                else:
                    await mallory.send(frame)
                assert await mallory.wait_closed() == code
                assert mallory.notices == [reason]
        # The others never saw any of it (what reached Bob is in his document by the next pump),
        # and still write and read.
        await alice.edit(lambda doc: alice.points[0]["text"].insert(3, " då"))
        await bob.pump()
        assert bob.text() == "hej då" and len(bob.points) == 1
        await alice.close()
        await bob.close()
        assert registry._documents == {}, "every closed socket let go of the group's document"

    run(scenario)
    assert NoteUpdate.objects.filter(group=room.group).count() == 2, "only Alice's two changes are stored"
    assert [point["text"] for point in document_json(note_document_load(group_id=room.group.pk)[0])] == [
        "hej då"
    ]


@pytest.mark.parametrize(
    ("limit", "value", "reason"),
    [
        ("MAX_GROUP_BYTES", 600, limits.REASON_GROUP),
        ("MAX_MEMBER_BYTES", 600, limits.REASON_MEMBER),
        ("MAX_GROUP_CHARS", 120, limits.REASON_GROUP),
        ("MAX_MEMBER_CHARS", 120, limits.REASON_MEMBER),
    ],
)
def test_a_full_group_or_share_refuses_more_with_a_reason(room, monkeypatch, limit, value, reason):
    monkeypatch.setattr(limits, limit, value)

    async def scenario():
        mallory = NotesClient(room.path, room.login(room.members[1]))
        await mallory.connect()
        for number in range(40):
            await mallory.add_point(1, f"Punkt {number} " + "x" * 20)
            await mallory.pump(timeout=0.02)
            if mallory.closed_code is not None:
                break
        assert await mallory.wait_closed() == limits.CLOSE_TOO_LARGE
        assert mallory.notices == [reason]
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        await alice.add_point(2, "Alice " + "y" * 30)
        await alice.pump()
        await alice.close()
        return alice

    alice = run(scenario)
    if reason == limits.REASON_MEMBER:
        assert alice.closed_code is None and NoteUpdate.objects.filter(author=room.members[0]).exists(), (
            "one person's full share does not stop the others"
        )
    else:
        assert alice.closed_code == limits.CLOSE_TOO_LARGE, "a full group is full for everyone"


def test_deleting_ones_points_frees_ones_share(room, monkeypatch):
    monkeypatch.setattr(limits, "MAX_MEMBER_CHARS", 60)

    async def scenario():
        mallory = NotesClient(room.path, room.login(room.members[1]))
        await mallory.connect()
        await mallory.add_point(1, "x" * 50)
        await mallory.pump()
        await mallory.edit(lambda doc: mallory.points[0]["text"].insert(0, "y" * 20))
        assert await mallory.wait_closed() == limits.CLOSE_TOO_LARGE
        again = NotesClient(room.path, room.login(room.members[1]))
        await again.connect()
        await again.edit(lambda doc: again.points.__delitem__(0))
        await again.add_point(1, "z" * 55)
        await again.pump()
        await again.close()
        return again

    again = run(scenario)
    assert again.closed_code is None
    assert [point["text"] for point in document_json(note_document_load(group_id=room.group.pk)[0])] == [
        "z" * 55
    ]


def test_structs_under_another_persons_client_id_are_refused(room):
    """Each person's share is counted by the client ids they write with: none can be borrowed."""

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        base = c.point(BASE, 0, text="hej")
        alice.doc.apply_update(base)
        await alice.send(c.frame(base))
        await alice.pump()
        mallory = NotesClient(room.path, room.login(room.members[1]))
        await mallory.connect()
        await mallory.send(one(BASE, c.item(content=c.STRING, body=c.string("!"), origin=TEXT_END), clock=8))
        assert await mallory.wait_closed() == limits.CLOSE_MALFORMED
        assert mallory.notices == [limits.REASON_SCHEMA]
        await alice.close()

    run(scenario)
    assert NoteUpdate.objects.filter(group=room.group).count() == 1


def test_one_person_with_many_sockets_is_held_to_one_allowance(room, monkeypatch):
    monkeypatch.setattr(limits, "MAX_SOCKETS_PER_MEMBER", 2)
    monkeypatch.setattr(limits, "SOCKET_COUNT_SECONDS", 0.2)
    login = room.login(room.members[1])

    async def scenario():
        sockets = [NotesClient(room.path, login) for _ in range(3)]
        for socket in sockets:
            assert await socket.connect()
        assert await sockets[2].wait_closed(timeout=1) == limits.CLOSE_TOO_LARGE
        assert sockets[2].notices == [limits.REASON_SOCKETS]
        assert sockets[0].closed_code is None and sockets[1].closed_code is None, "the first two stay"
        other = NotesClient(room.path, room.login(room.members[0]))
        assert await other.connect() and other.closed_code is None, "another person is not counted"
        for socket in [*sockets[:2], other]:
            await socket.close()

    run(scenario)


def test_staff_who_run_the_groups_may_open_the_wall_on_every_group_and_no_more(room, monkeypatch):
    """The plenary wall opens a socket per group (a conference has 100): staff who run the groups are
    held to their own, larger number; a member over theirs is still refused (above)."""
    monkeypatch.setattr(limits, "MAX_SOCKETS_PER_MEMBER", 2)
    monkeypatch.setattr(limits, "MAX_SOCKETS_PER_STAFF", 4)
    monkeypatch.setattr(limits, "SOCKET_COUNT_SECONDS", 0.2)
    login = room.login(room.staff)
    other_path = room.path.replace(f"/{room.group.pk}", f"/{room.other_group.pk}")

    async def scenario():
        walls = [NotesClient(room.path if n % 2 else other_path, login) for n in range(5)]
        for wall in walls:
            assert await wall.connect()
        assert await walls[4].wait_closed(timeout=1) == limits.CLOSE_TOO_LARGE
        assert walls[4].notices == [limits.REASON_SOCKETS]
        # A refusal would have come by now (each socket counts 0.2 s after it connects): none comes.
        assert [await wall.wait_closed(timeout=0.3) for wall in walls[:4]] == [None] * 4, "the four stay"
        for wall in walls[:4]:
            await wall.close()

    run(scenario)


def test_a_flood_across_sockets_meets_the_persons_rate(room, monkeypatch):
    monkeypatch.setattr(limits, "MEMBER_RATE_BURST", 30)
    monkeypatch.setattr(limits, "MEMBER_RATE_PER_SECOND", 1)
    login = room.login(room.members[1])

    async def scenario():
        sockets = [NotesClient(room.path, login) for _ in range(3)]
        for socket in sockets:
            await socket.connect()
        for number in range(40):  # 14 frames each: far under one socket's limit, over one person's
            await sockets[number % 3].send(c.awareness({500 + number % 3: (number, {"editing": None})}))
        codes = [await socket.wait_closed(timeout=0.5) for socket in sockets]
        assert limits.CLOSE_RATE_LIMITED in codes
        for socket in sockets:
            await socket.close()

    run(scenario)


def test_asking_for_the_whole_document_again_and_again_is_stopped(room):
    """A step 1 of a few bytes makes the server encode and send the whole document; a presence query
    makes every socket of the group answer."""

    async def scenario():
        mallory = NotesClient(room.path, room.login(room.members[1]))
        await mallory.connect()
        for _ in range(limits.REQUESTS_BURST + 3):
            await mallory.send(b"\x00\x00\x01\x00")  # sync step 1, empty state vector
        assert await mallory.wait_closed() == limits.CLOSE_RATE_LIMITED
        assert mallory.notices == [limits.REASON_RATE]

    run(scenario)


def test_an_update_that_builds_on_what_the_server_lacks_is_asked_for_again(room):
    """Not an attack, mostly: a client back from offline types before our step 1 reaches it. Nothing is
    stored and the socket stays open; the server asks again, and the client's step 2 brings it all."""

    async def scenario():
        alice = NotesClient(room.path, room.login(room.members[0]))
        await alice.connect()
        steps = alice.steps1
        with alice.doc.transaction():  # made offline: the server never got it
            alice.points.append(Map({"id": "p", "question": 1, "text": Text("a"), "takeaway": False}))
        before = alice.doc.get_state()
        alice.points[0]["text"].insert(1, "b")
        await alice.send(c.frame(alice.doc.get_update(before)))  # builds on the point the server lacks
        await alice.pump()
        assert alice.closed_code is None and alice.steps1 == steps + 1, "asked again, with a step 1"
        await alice.send(c.frame(c.update({}, {9999: [(0, 3)]})))  # deletes what nobody ever wrote
        await alice.pump()
        assert alice.closed_code is None
        await alice.close()
        return alice

    alice = run(scenario)
    assert [point["text"] for point in document_json(note_document_load(group_id=room.group.pk)[0])] == ["ab"]
    assert document_json(alice.doc)[0]["text"] == "ab"
    assert NoteUpdate.objects.filter(group=room.group).count() == 1, "only the step 2 with both"
