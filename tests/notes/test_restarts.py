"""Restarts in the middle of a meeting lose nothing (docs/reliability.md): while two people type
without pause, on two uvicorn workers, Redis is restarted; PostgreSQL is restarted; each worker in
turn is stopped as a deploy stops it (SIGTERM) and started again.

Each time the clients reconnect by themselves (as y-websocket does: tests/notes/workers.py YClient),
and in the end every keystroke of either person, those typed while something was down included, is
in both clients and in the database. What the server could not store it did not pass on; the client
kept it and sent it again in its sync step 2 on reconnecting.

The machine's Redis and PostgreSQL are shared with other test runs, so the tests that restart them
start their own (tests/notes/private_servers.py). Needs REDIS_URL and a PostgreSQL DATABASE_URL
(tests/conftest.py deselects them otherwise).
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import pytest
from django.db import connection

from notes.limits import CLOSE_SERVER_ERROR
from tests.notes.meeting import CONVERGE_TIMEOUT, Expected, Typist, assert_stored, converged
from tests.notes.private_servers import private_postgres, private_redis
from tests.notes.workers import GRACEFUL_SECONDS, Cluster, Worker, YClient, database_url, wait_until
from tests.security.websocket import session_cookie

pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db(transaction=True)]

OUTAGE_KEYSTROKES = 10  # each person types this many while something is down
CROSSED_KEYSTROKES = 5  # before and after: this many must reach the other person through the server
RECOVER_TIMEOUT = 20.0  # a restarted service is back and the clients have found it again
SERVICE_RESTART = 1012  # the close code of a server going down for a restart (RFC 6455)


@dataclass
class Meeting:
    cluster: Cluster
    expected: Expected
    clients: list[YClient]
    typists: list[Typist]

    def crossed(self, more: int) -> Callable[[], bool]:
        """Each person's next `more` keystrokes have reached everyone else."""
        marks = [typist.keystrokes + more for typist in self.typists]

        def condition() -> bool:
            return all(
                typist.seen_by(client, mark)
                for typist, mark in zip(self.typists, marks, strict=True)
                for client in self.clients
                if client is not typist.client
            )

        return condition

    async def carry_on(self, what: str) -> None:
        """Typing goes on while something is down, and someone adds a point."""
        marks = [typist.keystrokes + OUTAGE_KEYSTROKES for typist in self.typists]
        await self.expected.add(self.clients[-1], 3, f"Under avbrottet: {what}")
        await wait_until(
            lambda: all(t.keystrokes >= mark for t, mark in zip(self.typists, marks, strict=True)),
            CONVERGE_TIMEOUT,
            f"typing while {what}",
        )


Outage = Callable[[Meeting], Awaitable[None]]


async def meeting_through(cluster: Cluster, group_id: int, cookies: list[str], outage: Outage) -> Meeting:
    """Alice on the first worker, Bob on the second, each typing in a point of their own before,
    during and after `outage`; returns once both hold everything."""
    expected = Expected()
    clients = [YClient(cookie) for cookie in cookies]
    for number, client in enumerate(clients):
        client.stay_connected(group_id, cluster.ports(number))
    meeting = Meeting(cluster, expected, clients, [])
    try:
        await wait_until(lambda: all(c.online and c.synced for c in clients), CONVERGE_TIMEOUT, "connected")
        for tag, client in zip("ab", clients, strict=False):
            point = await expected.add(client, 1, f"Punkt {tag}")
            meeting.typists.append(Typist(expected, client, point, tag))
        await wait_until(lambda: converged(expected, *clients), CONVERGE_TIMEOUT, "both points everywhere")
        for typist in meeting.typists:
            typist.start()
        try:
            await wait_until(meeting.crossed(CROSSED_KEYSTROKES), CONVERGE_TIMEOUT, "typing crosses workers")
            await outage(meeting)
            await wait_until(meeting.crossed(CROSSED_KEYSTROKES), RECOVER_TIMEOUT, "typing crosses again")
        finally:
            for typist in meeting.typists:
                await typist.stop()
        await wait_until(lambda: converged(expected, *clients), CONVERGE_TIMEOUT, "convergence")
    finally:
        for client in clients:
            await client.close()
    return meeting


def cookies_of(room) -> list[str]:
    return [session_cookie(room.login(member)) for member in room.members[:2]]


def test_a_redis_restart_loses_no_update(room, tmp_path):
    async def restart_redis(meeting: Meeting) -> None:
        await asyncio.to_thread(redis.stop)
        await meeting.carry_on("Redis is down")
        await asyncio.to_thread(redis.start)

    with private_redis(tmp_path) as redis:
        cluster = Cluster(database=database_url(connection.settings_dict), redis=redis.url, logs=tmp_path)
        with cluster.running():
            meeting = cluster.run(meeting_through(cluster, room.group.pk, cookies_of(room), restart_redis))
    assert [client.closes for client in meeting.clients] == [[], []], "nobody was disconnected"
    assert_stored(room.group.pk, meeting.expected, meeting.clients[0])


def test_a_postgres_restart_loses_no_update(room, tmp_path):
    async def restart_postgres(meeting: Meeting) -> None:
        await asyncio.to_thread(postgres.stop)
        await meeting.carry_on("PostgreSQL is down")
        await asyncio.to_thread(postgres.start)

    with private_postgres(tmp_path) as postgres:
        postgres.load(database_url(connection.settings_dict))  # `room` has committed its rows
        cluster = Cluster(database=postgres.url, redis=os.environ["REDIS_URL"], logs=tmp_path)
        with cluster.running():
            meeting = cluster.run(meeting_through(cluster, room.group.pk, cookies_of(room), restart_postgres))
        assert_stored(room.group.pk, meeting.expected, meeting.clients[0], database=postgres.url)
    # A socket whose change could not be stored was closed with a code the client retries after.
    closes = [code for client in meeting.clients for code in client.closes]
    assert closes and set(closes) == {CLOSE_SERVER_ERROR}


async def stop_as_a_deploy_does(worker: Worker, meeting: Meeting) -> None:
    """SIGTERM: the worker closes its sockets with 1012 and exits, without waiting out its grace."""
    on_it = [(client, len(client.closes)) for client in meeting.clients if client.port == worker.port]
    assert on_it, f"no client on {worker.name}"
    began = time.monotonic()
    exit_code = await asyncio.to_thread(worker.stop)
    assert exit_code in (0, -signal.SIGTERM), worker.log_tail()  # uvicorn ends by its signal's default
    assert time.monotonic() - began < GRACEFUL_SECONDS, "the sockets' clean-up held up the stop"
    await wait_until(
        lambda: all(len(client.closes) > before for client, before in on_it), 5, "the clients see the close"
    )
    assert [client.closes[before] for client, before in on_it] == [SERVICE_RESTART] * len(on_it)


def test_each_worker_restarted_in_turn_loses_no_update(room, cluster_on_test_database):
    cluster = cluster_on_test_database

    async def deploy(meeting: Meeting) -> None:
        for worker in cluster.workers:
            await stop_as_a_deploy_does(worker, meeting)
            await meeting.carry_on(f"{worker.name} restarts")  # on the other worker meanwhile
            await asyncio.to_thread(lambda worker=worker: worker.start().wait_listening())

    meeting = cluster.run(meeting_through(cluster, room.group.pk, cookies_of(room), deploy))
    assert_stored(room.group.pk, meeting.expected, meeting.clients[0])


@pytest.fixture
def cluster_on_test_database(room, tmp_path):
    database = database_url(connection.settings_dict)
    with Cluster(database=database, redis=os.environ["REDIS_URL"], logs=tmp_path).running() as cluster:
        yield cluster
