"""Where structs stand: a writer's runs of clocks in one place each, and ranges of clocks (what is
deleted). Both are looked up by bisection, never scanned: a long meeting has thousands of them."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass

from .. import rules
from ..wire import ID

ROOT = rules.ROOT_NAME  # the container of the points themselves
Container = ID | str | None  # a type item's id, a root's name, or None: a garbage-collected place


@dataclass(slots=True)
class Run:
    """Consecutive clocks of one writer in one place."""

    start: int
    end: int
    container: Container
    key: str | None
    kind: int


class Runs:
    """One writer's runs, contiguous from clock 0."""

    __slots__ = ("starts", "items")

    def __init__(self):
        self.starts: list[int] = []
        self.items: list[Run] = []

    @property
    def end(self) -> int:
        return self.items[-1].end if self.items else 0

    def at(self, clock: int) -> Run | None:
        index = bisect_right(self.starts, clock) - 1
        if index < 0:
            return None
        run = self.items[index]
        return run if clock < run.end else None

    def overlapping(self, start: int, end: int):
        index = max(bisect_right(self.starts, start) - 1, 0)
        while index < len(self.items) and self.items[index].start < end:
            run = self.items[index]
            if run.end > start:
                yield run
            index += 1

    def add(self, run: Run) -> None:
        last = self.items[-1] if self.items else None
        if (
            last
            and last.end == run.start
            and (last.container, last.key, last.kind)
            == (
                run.container,
                run.key,
                run.kind,
            )
        ):
            last.end = run.end
            return
        self.starts.append(run.start)
        self.items.append(run)


class Ranges:
    """Disjoint [start, end) ranges of one writer's clocks (what is deleted)."""

    __slots__ = ("spans",)

    def __init__(self):
        self.spans: list[tuple[int, int]] = []

    def missing(self, start: int, end: int) -> list[tuple[int, int]]:
        """The parts of [start, end) not held."""
        result, cursor = [], start
        index = max(bisect_right(self.spans, (start, float("inf"))) - 1, 0)
        for span_start, span_end in itertools.islice(self.spans, index, None):  # no copy of the rest
            if span_start >= end:
                break
            if span_end <= cursor:
                continue
            if span_start > cursor:
                result.append((cursor, span_start))
            cursor = max(cursor, span_end)
        if cursor < end:
            result.append((cursor, end))
        return result

    def add_all(self, spans: list[tuple[int, int]]) -> None:
        """Adds many at once in one merge: one at a time would move the list once per span."""
        if len(spans) < 8:
            for start, end in spans:
                self.add(start, end)
            return
        merged: list[tuple[int, int]] = []
        for start, end in sorted(self.spans + spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        self.spans = merged

    def add(self, start: int, end: int) -> None:
        """Adds [start, end), merging with the spans it touches (a bisect, not a scan: a long meeting
        deletes in thousands of places)."""
        low = bisect_right(self.spans, (start, float("inf")))
        if low > 0 and self.spans[low - 1][1] >= start:
            low -= 1
        high = low
        while high < len(self.spans) and self.spans[high][0] <= end:
            start, end = min(start, self.spans[high][0]), max(end, self.spans[high][1])
            high += 1
        self.spans[low:high] = [(start, end)]
