"""A meeting for the multi-process notes tests: what the notes must hold in the end (`Expected`), people
typing without pause while something fails under them (`Typist`), and the check that every client
and the database hold all of it (`converged`, `stored_points`).

The tests assert on the converged end state, not on each keystroke's fate: an update in flight when
a worker, Redis or PostgreSQL went away may never have been stored, but the client's document still
holds it, and its sync step 2 on reconnecting sends it again.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.db import connection

from notes.schema import document_json, points_read
from notes.services import note_document_load
from tests.notes.workers import YClient

CONVERGE_TIMEOUT = 15.0
KEYSTROKE_SECONDS = 0.03  # about 30 updates a second per typist: fast typing, within the rate limits


@dataclass
class Expected:
    """What the notes must hold in the end: point id -> (question, text, takeaway)."""

    points: dict[str, tuple[int, str, bool]] = field(default_factory=dict)

    async def add(self, client: YClient, question: int, text: str) -> str:
        point_id = await client.add_point(question, text)
        self.points[point_id] = (question, text, False)
        return point_id

    async def type(self, client: YClient, point_id: str, text: str) -> None:
        await client.type(point_id, text)
        question, before, takeaway = self.points[point_id]
        self.points[point_id] = (question, before + text, takeaway)

    async def flag(self, client: YClient, point_id: str) -> None:
        await client.set_takeaway(point_id, True)
        question, text, _ = self.points[point_id]
        self.points[point_id] = (question, text, True)

    def text_held_by(self, client: YClient, point_id: str) -> bool:
        return str(client.point(point_id)["text"]) == self.points[point_id][1]

    def held_by(self, client: YClient) -> bool:
        return read_points(client.doc) == self.points


def read_points(doc) -> dict[str, tuple[int, str, bool]]:
    return {p.id: (p.question, p.text, p.takeaway) for p in points_read(doc)}


def converged(expected: Expected, *clients: YClient) -> bool:
    return all(expected.held_by(client) for client in clients) and all(
        document_json(client.doc) == document_json(clients[0].doc) for client in clients
    )


class Typist:
    """Types into one point of their own, a keystroke every KEYSTROKE_SECONDS, until `stop`: online,
    reconnecting or cut off alike (a cut-off client's keystrokes wait in its document)."""

    def __init__(self, expected: Expected, client: YClient, point_id: str, tag: str):
        self.expected, self.client, self.point_id, self.tag = expected, client, point_id, tag
        self.keystrokes = 0
        self.task: asyncio.Task | None = None

    def start(self) -> Typist:
        self.task = asyncio.create_task(self._type())
        return self

    async def _type(self) -> None:
        while True:
            await self.expected.type(self.client, self.point_id, f" {self.tag}{self.keystrokes}")
            self.keystrokes += 1
            await asyncio.sleep(KEYSTROKE_SECONDS)

    def seen_by(self, other: YClient, keystrokes: int) -> bool:
        """`other` holds this typist's text up to `keystrokes` keystrokes (typed in order, so all
        before it too)."""
        with contextlib.suppress(StopIteration):
            return f" {self.tag}{keystrokes - 1}" in str(other.point(self.point_id)["text"])
        return False

    async def stop(self) -> None:
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


@contextlib.contextmanager
def reading_database(url: str | None):
    """The test's Django connection reads `url`'s database meanwhile (a private PostgreSQL the
    workers wrote to), else the test database."""
    if url is None:
        yield
        return
    saved, parts = dict(connection.settings_dict), urlsplit(url)
    connection.close()
    connection.settings_dict.update(
        NAME=parts.path.lstrip("/"), HOST=parts.hostname, PORT=parts.port, USER=parts.username or ""
    )
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)


def stored_document(group_id: int, *, database: str | None = None):
    """The group's notes as the log holds them, loaded as every reader loads them."""
    with reading_database(database):
        doc, _seq = note_document_load(group_id=group_id)
    return doc


def assert_stored(group_id: int, expected: Expected, client: YClient, *, database: str | None = None) -> None:
    stored = stored_document(group_id, database=database)
    assert document_json(stored) == document_json(client.doc)
    assert read_points(stored) == expected.points
