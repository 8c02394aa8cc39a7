"""Group commit of a group's log: the updates that arrive while its last append is being committed
go into the log together, in one transaction.

Appends to one group queue on its log row's lock anyway (notes/services/log.py), each paying its
round trips and its flush to disk; with fifty people typing in one group that queue was the delay.
Now a process commits one batch per group at a time: alone, an update is committed at once as
before; under load, the updates that came meanwhile share the next commit. Each socket still
relays its update only after that commit.
"""

from __future__ import annotations

import asyncio
import logging

from .db import notes_db
from .services import Append, NoteTakingClosed, note_updates_append

logger = logging.getLogger(__name__)

MAX_BATCH = 64  # updates in one transaction: bounds the time the log row stays locked


class GroupAppender:
    def __init__(self, group_id: int):
        self.group_id = group_id
        self.waiting: list[tuple[Append, asyncio.Future]] = []
        self.task: asyncio.Task | None = None

    async def append(self, append: Append) -> int:
        """The update's seq, once it is committed; raises what storing it raised."""
        future = asyncio.get_running_loop().create_future()
        self.waiting.append((append, future))
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self.commit_waiting())
        return await future

    async def commit_waiting(self) -> None:
        while self.waiting:
            batch, self.waiting = self.waiting[:MAX_BATCH], self.waiting[MAX_BATCH:]
            await self.commit(batch)

    async def commit(self, batch: list[tuple[Append, asyncio.Future]]) -> None:
        try:
            seqs = await notes_db(note_updates_append)(
                group_id=self.group_id, appends=[append for append, _ in batch]
            )
        except NoteTakingClosed as closed:
            for _, future in batch:
                _settle(future, error=closed)
        except Exception as error:
            if len(batch) == 1:
                _settle(batch[0][1], error=error)
                return
            # One update's failure must not cost the others theirs: store them one by one.
            logger.warning("%s notes updates of group %s failed together", len(batch), self.group_id)
            for one in batch:
                await self.commit([one])
        else:
            for (_, future), seq in zip(batch, seqs, strict=True):
                _settle(future, seq=seq)


def _settle(future: asyncio.Future, *, seq: int | None = None, error: BaseException | None = None) -> None:
    if future.done():  # its socket went away meanwhile
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(seq)
