"""The frames that took the site down (issue 15), sent to a real server process by one ordinary member:
the process survives each, the group stays usable for the others, nothing of them is stored, and
closing note-taking and compiling the minutes work afterwards (SQLite here, PostgreSQL in CI's
second pass)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt

import pytest
from django.utils import timezone
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from breakouts.models import NotePoint
from breakouts.services import note_taking_close
from consultations.models import ConsultationPage
from minutes.services.compile import minutes_compile
from notes import limits
from notes.models import NoteUpdate
from tests.notes import crafted as c
from tests.notes.server import notes_server
from tests.notes.workers import YClient, wait_until
from tests.security.websocket import session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

BASE = 1000  # Alice's first point: map at clock 0, its text "hej" at clocks 5-7


def deep(depth: int) -> bytes:
    """A value nested `depth` arrays deep, as the id of Alice's point."""
    body = c.var_uint(1) + c.deep_array(depth)
    return c.frame(c.update({666: (0, [c.item(content=c.ANY, body=body, parent=(BASE, 0), key="id")])}))


def typed(text: str, clock: int = 0) -> bytes:
    return c.frame(
        c.update({667: (clock, [c.item(content=c.STRING, body=c.string(text), origin=(BASE, 7))])})
    )


STRING_IN_POINTS = c.frame(
    c.update({668: (0, [c.item(content=c.STRING, body=c.string("x"), parent="points")])})
)
CHILD_OF_THAT_STRING = c.frame(
    c.update({669: (0, [c.item(content=c.ANY, body=c.values(1), parent=(668, 0), key="k")])})
)


async def attack(
    port: int, group_id: int, cookie: str, frames: list[bytes], timeout: float = 5
) -> int | None:
    """Sends the frames on a socket of its own; the close code the server ends it with (None: still open)."""
    async with connect(
        f"ws://127.0.0.1:{port}/ws/notes/{group_id}",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": cookie},
        max_size=None,
    ) as socket:
        with contextlib.suppress(ConnectionClosed):
            for frame in frames:
                await socket.send(frame)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(timeout):
                    async for _ in socket:
                        pass
        return socket.close_code if socket.close_code is not None else None


async def flood(port: int, group_id: int, cookie: str) -> list[int | None]:
    """Four sockets, each sending the longest points allowed as fast as it can."""

    async def one(socket_number: int) -> int | None:
        frames = [
            c.frame(
                c.point(
                    10_000 + socket_number * 1000 + number,
                    0,
                    point_id=f"f{socket_number}-{number}",
                    text="y" * (limits.MAX_POINT_CHARS - 1),
                )
            )
            for number in range(300)
        ]
        return await attack(port, group_id, cookie, frames, timeout=10)

    return await asyncio.gather(*(one(number) for number in range(4)))


def test_the_server_survives_every_crafted_frame_and_the_minutes_still_compile(room, tmp_path):
    group_id = room.group.pk
    mallory = session_cookie(room.login(room.members[2]))
    alice = YClient(session_cookie(room.login(room.members[0])))
    bob = YClient(session_cookie(room.login(room.members[1])))

    async def still_serving(server, step: str) -> None:
        assert server.process.poll() is None, f"the server process died at: {step}\n{server.log_tail()}"
        text = f" {step[:12]}"
        before = str(alice.points[0]["text"])
        await alice.type(alice.points[0]["id"], text)
        await wait_until(
            lambda: str(bob.points[0]["text"]) == before + text, 10, f"Bob sees Alice after {step}"
        )

    async def scenario(server) -> dict[str, int | None]:
        await alice.connect(server.port, group_id)
        await bob.connect(server.port, group_id)
        base = c.point(BASE, 0, text="hej")
        alice.doc.apply_update(base)
        await alice.send(c.frame(base))
        await wait_until(lambda: len(bob.points) == 1, 10, "Bob sees Alice's point")
        codes = {}
        for step, frames in {
            "80 KB of arrays nested 40,000 deep": [deep(40_000)],
            "arrays nested 20,000 deep": [deep(20_000)],
            "a string in points": [STRING_IN_POINTS],
            "a child of that string": [CHILD_OF_THAT_STRING],
            "NUL in a point": [typed("a\x00b")],
            "a point of 1 MB without spaces": [typed("z" * 1_000_000)],
        }.items():
            codes[step] = await attack(server.port, group_id, mallory, frames, timeout=2)
            await still_serving(server, step)
        codes["flood"] = await flood(server.port, group_id, mallory)
        await still_serving(server, "flood")
        await alice.close()
        await bob.close()
        return codes

    with notes_server(tmp_path) as server:
        try:
            codes = asyncio.run(scenario(server))
        except Exception as error:
            error.add_note(server.log_tail())
            raise

    assert codes["80 KB of arrays nested 40,000 deep"] == limits.CLOSE_MALFORMED
    assert codes["arrays nested 20,000 deep"] == limits.CLOSE_MALFORMED
    assert codes["a string in points"] == limits.CLOSE_MALFORMED
    assert codes["a child of that string"] is None, (
        "builds on nothing the server has: asked again, not stored"
    )
    assert codes["NUL in a point"] == limits.CLOSE_MALFORMED
    assert codes["a point of 1 MB without spaces"] == limits.CLOSE_TOO_LARGE
    assert set(codes["flood"]) <= {limits.CLOSE_TOO_LARGE, limits.CLOSE_RATE_LIMITED}, codes["flood"]

    stored = NoteUpdate.objects.filter(group_id=group_id)
    assert not stored.filter(quarantined_at__isnull=False).exists()
    flooded = sum(len(data) for data in stored.filter(author=room.members[2]).values_list("data", flat=True))
    assert flooded <= limits.MEMBER_BYTES_BURST + 10 * limits.MEMBER_BYTES_PER_SECOND, (
        "stopped at the allowance"
    )

    # Closing and compiling go on with everything the others wrote.
    note_taking_close(consultation=room.group.consultation)
    texts = list(NotePoint.objects.filter(group_id=group_id).values_list("text", flat=True))
    assert any(text.startswith("hej 80 KB of ar") for text in texts)
    assert all("\x00" not in text and len(text) <= limits.MAX_POINT_CHARS for text in texts)
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    ConsultationPage.objects.filter(pk=room.group.consultation_id).update(date=yesterday)
    minutes = minutes_compile(
        consultation=ConsultationPage.objects.get(pk=room.group.consultation_id), user=room.staff
    )
    assert "hej 80 KB of ar" in str(minutes.body)
