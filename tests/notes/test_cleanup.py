"""Every way a notes socket ends lets go of what it held (issue 15, item 6): the group's document, the
process's watch, the person's allowance. A client that leaves is not an error in the logs."""

from __future__ import annotations

import asyncio
import logging

import pytest
from asgiref.sync import async_to_sync

from notes import limits, rate_limit, registry
from notes import watch as watch_module
from notes.consumer import NotesConsumer
from tests.notes import crafted as c
from tests.notes.clients import NotesClient


class ClientDisconnected(OSError):
    """What uvicorn raises when a socket is written to after its client left."""


def held() -> tuple[dict, list, dict]:
    watches = [socket for watch in watch_module._watches.values() for socket in watch.sockets]
    return dict(registry._documents), watches, dict(rate_limit._allowances)


def run(scenario):
    return async_to_sync(scenario)()


async def released(before: tuple, seconds: float = 5.0) -> tuple:
    """What is held once the socket has let go: the server lets go on its own task, so this waits a
    little for it (a loaded CI machine took longer than a fixed pause)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while held() != before and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.02)
    return held()


@pytest.mark.parametrize(
    "ending",
    ["the client leaves", "the server refuses a frame", "a frame over the size limit", "a handler fails"],
)
def test_every_ending_lets_go_of_everything(room, monkeypatch, ending):
    if ending == "a handler fails":

        async def broken(self, message):
            raise RuntimeError("a bug")

        monkeypatch.setattr(NotesConsumer, "receive_awareness", broken)

    # Compared with what the process held before, not with nothing: a socket another test left open
    # is that test's failure, not this one's.
    before = held()

    async def scenario():
        socket = NotesClient(room.path, room.login(room.members[0]))
        await socket.connect()
        documents, watches, allowances = held()
        assert documents and watches and allowances
        if ending == "the client leaves":
            await socket.close()
        elif ending == "a handler fails":
            await socket.send(c.awareness({1: (1, {"editing": None})}))
            assert await socket.wait_closed() == limits.CLOSE_SERVER_ERROR
        elif ending == "a frame over the size limit":
            await socket.send(b"\x00\x02" + c.var_bytes(b"\x00" * 300_000))
            assert await socket.wait_closed() == 4413
        else:
            await socket.send(b"\x09")
            assert await socket.wait_closed() == 4400
        return await released(before)

    assert run(scenario) == before


def test_a_client_gone_while_the_watch_writes_is_not_an_error(room, caplog):
    async def scenario():
        socket = NotesClient(room.path, room.login(room.members[0]))
        await socket.connect()
        watches = [watch for watch in watch_module._watches.values() if watch.sockets]
        assert watches, dict(watch_module._watches)
        watch = watches[0]
        consumer = next(iter(watch.sockets))

        async def gone(reading):
            raise ClientDisconnected()

        consumer.watched = gone
        with caplog.at_level(logging.INFO, logger="notes"):
            await watch.tick()
        await socket.close()

    run(scenario)
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
