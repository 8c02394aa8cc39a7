"""The wall's socket: staff who run the round only; it pushes counts on every ballot, reads nothing a
client sends, and drops a person whose right was taken away."""

from __future__ import annotations

import json
from unittest import mock

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.testing import WebsocketCommunicator

from priorities.services import priority_ballot_cast, priority_round_close
from tests.security.websocket import HOST, ORIGIN, session_cookie

from .conftest import logged_in


def communicator(day, user):
    from sakrad.asgi import application  # the ASGI app sets Django up first: loaded when a test needs it

    headers = [(b"host", HOST.encode()), (b"origin", ORIGIN.encode())]
    cookie = session_cookie(logged_in(user)) if user else None
    if cookie:
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, f"/ws/priorities/{day.consultation.pk}", headers=headers)


def run(coroutine_function):
    # As tests/security/websocket.py: the consumer's database calls stay inside the test's transaction.
    with mock.patch("channels.db.close_old_connections"):
        return async_to_sync(coroutine_function)()


def test_the_wall_gets_the_counts_live(day, django_capture_on_commit_callbacks):
    round = day.start()
    first = round.options.order_by("sort_order").first()

    def vote(user):
        with django_capture_on_commit_callbacks(execute=True):
            priority_ballot_cast(round=round, user=user, option_ids=[first.pk])

    socket = communicator(day, day.organiser)

    async def scenario():
        connected, _ = await socket.connect(timeout=5)
        assert connected
        opening = json.loads(await socket.receive_from(timeout=5))
        assert opening["round"] == round.pk and opening["open"] is True and opening["ballots"] == 0
        await database_sync_to_async(vote)(day.remote)
        counts = json.loads(await socket.receive_from(timeout=5))
        assert counts["ballots"] == 1
        assert {"id": first.pk, "votes": 1} in counts["options"]
        assert set(counts) == {"round", "open", "ballots", "options"}  # counts only, never a person
        await database_sync_to_async(vote)(day.member_only)
        counts = json.loads(await socket.receive_from(timeout=5))
        assert {"id": first.pk, "votes": 2} in counts["options"]

        def close():
            with django_capture_on_commit_callbacks(execute=True):
                priority_round_close(round=round, user=day.organiser)

        await database_sync_to_async(close)()
        closed = json.loads(await socket.receive_from(timeout=5))
        assert closed["open"] is False
        await socket.disconnect()

    run(scenario)


def test_only_staff_who_run_the_round_may_watch(day):
    day.start()

    def handshake(user):
        socket = communicator(day, user)

        async def connect():
            connected, _ = await socket.connect(timeout=5)
            if connected:
                await socket.disconnect()
            return connected

        return run(connect)

    results = {
        who: handshake(getattr(day, who) if who else None)
        for who in ["organiser", "approver", "remote", "stranger", None]
    }
    assert results == {"organiser": True, "approver": False, "remote": False, "stranger": False, None: False}


def test_a_frame_from_the_client_closes_the_socket_and_nothing_else(day, django_capture_on_commit_callbacks):
    day.start()

    socket = communicator(day, day.organiser)

    async def scenario():
        assert (await socket.connect(timeout=5))[0]
        await socket.receive_from(timeout=5)
        await socket.send_to(text_data="x" * 100_000)
        closed = await socket.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": 4400}

    run(scenario)


def test_a_right_taken_away_closes_the_socket_at_the_next_change(day, django_capture_on_commit_callbacks):
    round = day.start()
    first = round.options.first()

    def revoke_and_vote():
        day.organiser.groups.clear()
        with django_capture_on_commit_callbacks(execute=True):
            priority_ballot_cast(round=round, user=day.remote, option_ids=[first.pk])

    socket = communicator(day, day.organiser)

    async def scenario():
        assert (await socket.connect(timeout=5))[0]
        await socket.receive_from(timeout=5)
        await database_sync_to_async(revoke_and_vote)()
        closed = await socket.receive_output(timeout=5)
        assert closed == {"type": "websocket.close", "code": 4403}

    run(scenario)
