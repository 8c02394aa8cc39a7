"""Group commit of the notes logs: the updates that arrive, for any group, while a commit is under
way go into the log together, in one transaction.

Each update used to be a transaction of its own per group: five round trips and a flush to disk per
keystroke, in a pool of four threads, so with fifty groups typing the appends queued for the
threads and for the interpreter's lock (docs/benchmarks.md). Now a process commits whatever waits,
for every group, in one transaction. A group is in one commit at a time, so its updates keep their
order; a commit that waits for a group's lock (note-taking closing, a compaction) holds up only the
groups in it, as the next commit goes on beside it (`MAX_COMMITS`). On PostgreSQL the commit runs
on the event loop, pipelined (notes/services/append.py). Each socket still relays its update only
after its commit.
"""

from __future__ import annotations

import asyncio
import logging
import weakref

from .db import LogDatabase, notes_db
from .services import Append, NoteTakingClosed, note_logs_append, note_logs_append_async

logger = logging.getLogger(__name__)

MAX_BATCH = 256  # updates in one transaction: bounds the time the logs' rows stay locked
# Transactions under way at once. One is group commit at its best (docs/benchmarks.md); the second
# lane keeps the other groups going while one waits for a lock (a compaction, a close).
MAX_COMMITS = 2

Waiting = tuple[int, Append, asyncio.Future]


class LogAppender:
    def __init__(self):
        self.waiting: list[Waiting] = []
        self.busy: set[int] = set()  # groups in a commit under way
        self.commits: set[asyncio.Task] = set()
        self.database = LogDatabase() if LogDatabase.available() else None

    async def append(self, *, group_id: int, append: Append) -> int:
        """The update's seq, once it is committed; raises what storing it raised."""
        future = asyncio.get_running_loop().create_future()
        self.waiting.append((group_id, append, future))
        self.start()
        return await future

    def start(self) -> None:
        while len(self.commits) < MAX_COMMITS:
            batch = self.take()
            if not batch:
                return
            task = asyncio.create_task(self.commit(batch))
            self.commits.add(task)
            task.add_done_callback(lambda task, batch=batch: self.done(task, batch))

    def take(self) -> list[Waiting]:
        """What waits, in order, for the groups not in a commit already."""
        batch, left = [], []
        for waiting in self.waiting:
            free = waiting[0] not in self.busy and len(batch) < MAX_BATCH
            (batch if free else left).append(waiting)
        self.waiting = left
        self.busy.update(group_id for group_id, _, _ in batch)
        return batch

    def done(self, task: asyncio.Task, batch: list[Waiting]) -> None:
        self.commits.discard(task)
        self.busy.difference_update(group_id for group_id, _, _ in batch)
        self.start()

    async def store(self, appends: dict[int, list[Append]]):
        if self.database is None:  # SQLite: Django's connection, in the notes' database thread
            return await notes_db(note_logs_append)(appends=appends)

        async def append(database):
            return await note_logs_append_async(appends=appends, database=database)

        return await self.database.run(append)

    async def commit(self, batch: list[Waiting]) -> None:
        groups: dict[int, list[Waiting]] = {}
        for waiting in batch:
            groups.setdefault(waiting[0], []).append(waiting)
        try:
            stored = await self.store(
                {group: [append for _, append, _ in items] for group, items in groups.items()}
            )
        except Exception as error:
            if len(batch) == 1:
                _settle(batch[0][2], error=error)
                return
            # One update's failure must not cost the others theirs: each group, then each update alone.
            logger.warning("%s notes updates of %s groups failed together", len(batch), len(groups))
            for part in groups.values() if len(groups) > 1 else [[one] for one in batch]:
                await self.commit(part)
            return
        for group_id, items in groups.items():
            seqs = stored[group_id]
            for index, (_, _, future) in enumerate(items):
                if seqs is None:
                    _settle(future, error=NoteTakingClosed(group_id))
                else:
                    _settle(future, seq=seqs[index])


def _settle(future: asyncio.Future, *, seq: int | None = None, error: BaseException | None = None) -> None:
    if future.done():  # its socket went away meanwhile
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(seq)


_appenders: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, LogAppender] = weakref.WeakKeyDictionary()


def log_appender() -> LogAppender:
    """This process's appender (one per event loop, as tests run several)."""
    return _appenders.setdefault(asyncio.get_running_loop(), LogAppender())
