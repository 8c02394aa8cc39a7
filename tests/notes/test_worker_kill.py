"""A worker killed with SIGKILL mid-edit loses nothing: real processes (two uvicorn workers, Redis, the
database). Every update a client sent before the kill, and every update sent while the worker was
down, ends up in every client and in the database.

An update in flight at the kill may never have been committed; the client's document still holds it
and sync step 2 on reconnecting sends it again. So the test asserts on the converged end state.

Needs REDIS_URL and a PostgreSQL DATABASE_URL (tests/conftest.py deselects it otherwise).
"""

from __future__ import annotations

import asyncio
import os

import pytest
from django.db import connection

from notes.schema import document_json
from tests.notes.meeting import CONVERGE_TIMEOUT, Expected, assert_stored, converged
from tests.notes.workers import Cluster, Worker, YClient, database_url, wait_until
from tests.security.websocket import session_cookie

pytestmark = [pytest.mark.multiprocess, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def cluster(room, tmp_path):
    """Two workers on the test database. `room` commits (transactional_db), so they see its rows;
    it is requested first, so the workers are killed before the database is flushed."""
    database = database_url(connection.settings_dict)
    with Cluster(database=database, redis=os.environ["REDIS_URL"], logs=tmp_path).running() as cluster:
        yield cluster


async def kill_mid_edit(worker: Worker, expected: Expected, alice: YClient, bob: YClient, point: str):
    """Keystrokes that have reached Bob (committed and relayed), then a burst that the worker dies in
    the middle of: some of it perhaps committed, perhaps not relayed, some of it not even read."""
    for number in range(10):
        await expected.type(alice, point, f" a{number}")
    await wait_until(lambda: expected.text_held_by(bob, point), CONVERGE_TIMEOUT, "Bob sees Alice typing")
    for number in range(10, 25):
        await expected.type(alice, point, f" a{number}")
        await asyncio.sleep(0.005)  # fast typing: the worker gets to some of the burst before it dies
    worker.kill()
    await wait_until(lambda: not alice.online, 5, "Alice notices that her worker is gone")


async def edit_while_down(expected: Expected, alice: YClient, bob: YClient, mine: str, theirs: str) -> str:
    """Bob goes on through the surviving worker; Alice, cut off, goes on in her own document."""
    for number in range(10):
        await expected.type(bob, theirs, f" b{number}")
    during = await expected.add(bob, 3, "Bob under avbrottet")
    await expected.flag(bob, mine)
    for number in range(10):
        await expected.type(alice, mine, f" offline{number}")
    offline = await expected.add(alice, 1, "Alice offline")
    await expected.type(alice, offline, " och mer")
    return during


async def edit_across_a_kill(cluster: Cluster, group_id: int, alice: YClient, bob: YClient) -> Expected:
    one, two = cluster.workers
    expected = Expected()
    await alice.connect(one.port, group_id)
    await bob.connect(two.port, group_id)
    mine = await expected.add(alice, 1, "Alice före")
    theirs = await expected.add(bob, 2, "Bob före")
    await wait_until(lambda: converged(expected, alice, bob), CONVERGE_TIMEOUT, "sync across workers")

    await kill_mid_edit(one, expected, alice, bob, mine)
    during = await edit_while_down(expected, alice, bob, mine, theirs)

    await asyncio.to_thread(one.restart)  # a new process: nothing of the old one's memory
    await alice.connect(one.port, group_id)  # sync step 1 and 2 both ways, as y-websocket reconnects
    await expected.type(bob, during, " efter")
    await wait_until(lambda: converged(expected, alice, bob), CONVERGE_TIMEOUT, "convergence after restart")
    return expected


def test_a_killed_worker_loses_no_update(room, cluster):
    group_id = room.group.pk
    alice = YClient(session_cookie(room.login(room.members[0])))
    bob = YClient(session_cookie(room.login(room.members[1])))

    async def scenario() -> Expected:
        try:
            return await edit_across_a_kill(cluster, group_id, alice, bob)
        finally:
            await alice.close()
            await bob.close()

    expected = cluster.run(scenario())

    assert document_json(alice.doc) == document_json(bob.doc)
    assert_stored(group_id, expected, alice)
