"""What the server knows of a group's document, to judge an update before anything stores or applies it.

pycrdt shows a document's content but not where each struct sits. This keeps, for every clock of
every writer, the parent the struct was put in (the root `points`, a point's map, a point's text)
and its map key, which shared types play which part, what is deleted, and how long each point's text
is. With it an update read by notes/wire.py is judged exactly as yrs would integrate it:

- every struct it references (origins, parent) is known, or comes in the same update: nothing is
  left pending, and no parent is a value that is not a shared type (which makes every later load
  of the document fail);
- every new struct lands where the schema allows (notes/rules.py);
- every deletion is of something known;
- no point's text grows beyond the maximum.

Structs the document holds already are skipped as yrs skips them. The shape only grows; it never
needs to know what yrs garbage-collected, because an item placed in a collected parent is collected too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum

from . import rules
from .rules import Strictness
from .wire import ANY, DELETED, GC, ID, SKIP, STRING, TYPE, Malformed, Struct, Update, utf16_length

ROOT = rules.ROOT_NAME  # the container of the points themselves
Container = ID | str | None  # None: a garbage-collected place, where whatever lands is collected too


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
        for span_start, span_end in self.spans[index:]:
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


class Outcome(Enum):
    NEW = "new"  # store and apply it
    NOTHING_NEW = "nothing-new"  # the document holds all of it already
    PENDING = "pending"  # it builds on something the server does not have: ask the client again
    REFUSED = "refused"  # outside the schema
    TOO_LARGE = "too-large"  # a point's text would be longer than allowed


@dataclass
class Judgement:
    outcome: Outcome
    reason: str = ""  # a short token the client maps to a message (docs/notes-protocol.md)
    detail: str = ""  # for the logs
    plan: Plan | None = None

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.NEW


@dataclass
class Plan:
    """What recording an accepted update adds to the shape."""

    runs: dict[int, list[Run]] = field(default_factory=dict)
    roles: dict[ID, rules.Role] = field(default_factory=dict)
    deleted: list[tuple[int, int, int]] = field(default_factory=list)  # (client, start, end), new parts
    chars: dict[ID, int] = field(default_factory=dict)  # text -> change in length
    writer_chars: dict[int, int] = field(default_factory=dict)  # client -> change in characters written
    questions: set[int] = field(default_factory=set)
    parents: dict[ID, Container] = field(default_factory=dict)  # new type -> where it stands
    dead: set[ID] = field(default_factory=set)  # type items deleted


class Refusal(Exception):
    def __init__(self, outcome: Outcome, reason: str, detail: str):
        super().__init__(detail)
        self.outcome, self.reason, self.detail = outcome, reason, detail


def _refuse(detail: str, reason: str = "schema") -> Refusal:
    return Refusal(Outcome.REFUSED, reason, detail)


def _pending(detail: str) -> Refusal:
    return Refusal(Outcome.PENDING, "pending", detail)


_WAIT = object()  # a struct of the same update that is not placed yet


class DocShape:
    def __init__(self):
        self.runs: dict[int, Runs] = defaultdict(Runs)
        self.roles: dict[ID, rules.Role] = {}
        self.deleted: dict[int, Ranges] = defaultdict(Ranges)
        self.chars: dict[ID, int] = defaultdict(int)
        # Characters each writer (client id) has in texts, less what was deleted of them: an upper
        # bound of what is theirs now (a deleted point's text still counts here; `written` is exact).
        self.writer_chars: dict[int, int] = defaultdict(int)
        self.questions_used: set[int] = set()
        # A deleted point takes its text with it, whether or not the deletion names the text's
        # characters (yrs deletes what a type holds when the type is deleted).
        self.parents: dict[ID, Container] = {}
        self.dead: set[ID] = set()

    def state(self, client: int) -> int:
        runs = self.runs.get(client)
        return runs.end if runs else 0

    def role(self, container: Container, plan: Plan) -> rules.Role | None:
        if container == ROOT:
            return rules.Role.POINTS
        return self.roles.get(container) or plan.roles.get(container)

    # --- judging --------------------------------------------------------------------------------

    def judge(
        self,
        update: Update,
        *,
        strictness: Strictness = Strictness.WRITE,
        questions: set[int] = frozenset(),
        max_point_chars: int | None = None,
    ) -> Judgement:
        """`questions`: the consultation's question numbers (a point may also keep a number already in
        the document: its question may have been removed since); `max_point_chars` for WRITE."""
        allowed = questions | self.questions_used if strictness is Strictness.WRITE else None
        try:
            plan = _Judge(self, update, strictness, allowed, max_point_chars).run()
        except Refusal as refusal:
            return Judgement(refusal.outcome, refusal.reason, refusal.detail)
        except rules.UnknownQuestion as error:
            return Judgement(Outcome.REFUSED, "question", str(error))
        except rules.SchemaViolation as error:
            return Judgement(Outcome.REFUSED, "schema", str(error))
        except Malformed as error:  # a string split inside a character
            return Judgement(Outcome.REFUSED, "malformed", str(error))
        if not plan.runs and not plan.deleted:
            return Judgement(Outcome.NOTHING_NEW)
        return Judgement(Outcome.NEW, plan=plan)

    def record(self, plan: Plan) -> None:
        for client, runs in plan.runs.items():
            for run in runs:
                self.runs[client].add(run)
        self.roles.update(plan.roles)
        self.parents.update(plan.parents)
        self.dead |= plan.dead
        for client, start, end in plan.deleted:
            self.deleted[client].add(start, end)
        for text, change in plan.chars.items():
            self.chars[text] += change
        for client, change in plan.writer_chars.items():
            self.writer_chars[client] += change
        self.questions_used |= plan.questions

    def alive(self, container: Container, plan: Plan | None = None) -> bool:
        """Whether a type and every type it stands in are undeleted."""
        while container is not None and container != ROOT:
            if container in self.dead or (plan is not None and container in plan.dead):
                return False
            container = self.parents.get(container) or (plan.parents.get(container) if plan else None)
        return True

    def written(self, clients) -> int:
        """The characters these writers have in the live texts now, exactly: what a deleted point
        held, or was deleted, is not theirs any more. Walks their runs: only asked near a quota."""
        total = 0
        for client in clients:
            runs = self.runs.get(client)
            if runs is None:
                continue
            deleted = self.deleted.get(client) or Ranges()
            for run in runs.items:
                if (
                    run.kind == STRING
                    and self.roles.get(run.container) is rules.Role.TEXT
                    and self.alive(run.container)
                ):
                    total += sum(end - start for start, end in deleted.missing(run.start, run.end))
        return total

    def text_lengths(self) -> dict[ID, int]:
        """Each live point's text length, as the server knows it."""
        return {
            text: length
            for text, length in self.chars.items()
            if self.roles.get(text) is rules.Role.TEXT and self.alive(text)
        }


@dataclass
class _Placed:
    struct: Struct
    container: Container = None
    key: str | None = None
    done: bool = False


class _Judge:
    """One judgement: finds the new structs, places each, checks each place's rules, then deletions."""

    def __init__(self, shape, update, strictness, questions, max_point_chars):
        self.shape, self.update, self.strictness = shape, update, strictness
        self.questions, self.max_point_chars = questions, max_point_chars
        self.tolerant = strictness is Strictness.SNAPSHOT
        self.plan = Plan()
        self.new: dict[int, list[_Placed]] = {}  # client -> new structs from the shape's state on
        self.ends: dict[int, int] = {}
        self.overlapping: dict[int, _Placed] = {}  # client -> its first new struct, cut at the state
        self.order: list[_Placed] = []

    def run(self) -> Plan:
        self._collect()
        self._place_all()
        for client, placed in self.new.items():
            self.plan.runs[client] = [
                Run(p.struct.clock, p.struct.end, p.container, p.key, p.struct.kind) for p in placed
            ]
        for placed in self.order:  # a type is placed, and so given its part, before what it holds
            self._check(placed)
        self._deletions()
        self._lengths()
        return self.plan

    def _collect(self) -> None:
        for client, structs in self.update.structs.items():
            state = self.shape.state(client)
            placed: list[_Placed] = []
            for struct in structs:
                if struct.kind == SKIP or struct.end <= state:
                    continue
                if struct.clock > state:
                    raise _pending("changes of a writer the server has not seen")
                entry = _Placed(_cut(struct, state - struct.clock) if struct.clock < state else struct)
                if struct.clock < state:
                    self.overlapping[client] = entry
                placed.append(entry)
                state = entry.struct.end
            if placed:
                self.new[client] = placed
            self.ends[client] = state

    def _new_at(self, client: int, clock: int) -> _Placed | None:
        placed = self.new.get(client)
        if not placed or clock < placed[0].struct.clock or clock >= placed[-1].struct.end:
            return None
        starts = [p.struct.clock for p in placed]
        return placed[bisect_right(starts, clock) - 1]

    def _lookup(self, id_: ID):
        """(container, key, kind) of the struct holding id_, or _WAIT while it is not placed yet."""
        client, clock = id_
        if clock < self.shape.state(client):
            run = self.shape.runs[client].at(clock)
            return run.container, run.key, run.kind
        placed = self._new_at(client, clock)
        if placed is None:
            raise _pending("a reference to something the server has not seen")
        if not placed.done:
            return _WAIT
        return placed.container, placed.key, placed.struct.kind

    def _place_all(self) -> None:
        waiting = [p for structs in self.new.values() for p in structs]
        while waiting:
            still = [p for p in waiting if not self._place(p)]
            if len(still) == len(waiting):
                raise _pending("changes that wait on each other")
            waiting = still

    def _place(self, placed: _Placed) -> bool:
        struct = placed.struct
        if struct.kind == GC:
            placed.container, placed.done = None, True
            self.order.append(placed)
            return True
        if struct.parent is not None:
            placed.container = self._explicit_parent(struct.parent)
            if placed.container is _WAIT:
                return False
            placed.key = struct.parent_sub
        else:
            left = self._lookup(struct.origin) if struct.origin else None
            right = self._lookup(struct.right_origin) if struct.right_origin else None
            if left is _WAIT or right is _WAIT:
                return False
            sides = [side for side in (left, right) if side is not None and side[0] is not None]
            if len(sides) == 2 and sides[0][:2] != sides[1][:2] and not self.tolerant:
                raise _refuse("its neighbours are in two different places")
            placed.container, placed.key = sides[0][:2] if sides else (None, None)
        self._check_overlap(placed)
        placed.done = True
        self.order.append(placed)
        return True

    def _explicit_parent(self, parent) -> Container:
        if isinstance(parent, str):
            if parent != ROOT and not self.tolerant:
                raise _refuse(f"a root type other than {ROOT!r}")
            return parent  # another root, folded in before the schema was enforced, plays no part
        found = self._lookup(parent)
        if found is _WAIT:
            return _WAIT
        container, _key, kind = found
        if container is None or kind in (DELETED, GC):
            return None  # yrs collects what lands in a deleted parent
        if kind == TYPE:
            return parent
        if self.tolerant:
            return None
        raise _refuse("a parent that is not a shared type")

    def _check_overlap(self, placed: _Placed) -> None:
        """A struct cut at the state continues after the document's last struct of its writer: yrs puts
        the rest there, in the place its first part named. Both must be one place."""
        struct = placed.struct
        if self.overlapping.get(struct.client) is not placed:
            return
        run = self.shape.runs[struct.client].at(struct.clock - 1)
        if (
            run is not None
            and run.container is not None
            and (run.container, run.key)
            != (
                placed.container,
                placed.key,
            )
        ):
            raise _refuse("it continues a change that was made elsewhere")

    def _check(self, placed: _Placed) -> None:
        struct = placed.struct
        if not struct.is_item or placed.container is None:
            return
        role = self.shape.role(placed.container, self.plan)
        try:
            if role is None:  # a type that plays no part: only folded snapshots may hold one
                raise rules.SchemaViolation("a parent with no part in the schema")
            new_role = rules.check(role, placed.key, struct, self.questions)
        except rules.SchemaViolation:
            if self.tolerant:
                return
            raise
        if new_role is not None:
            self.plan.roles[(struct.client, struct.clock)] = new_role
            self.plan.parents[(struct.client, struct.clock)] = placed.container
        if role is rules.Role.TEXT and struct.kind == STRING:
            self.plan.chars[placed.container] = self.plan.chars.get(placed.container, 0) + struct.length
            writers = self.plan.writer_chars
            writers[struct.client] = writers.get(struct.client, 0) + struct.length
        if role is rules.Role.POINT and placed.key == "question" and struct.kind == ANY:
            value = struct.value[0]
            if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
                self.plan.questions.add(int(value))

    def _deletions(self) -> None:
        for client, ranges in self.update.deletes.items():
            end_known = self.ends.get(client, self.shape.state(client))
            known = self.shape.deleted.get(client) or Ranges()
            for start, end in _merged(ranges):
                if end > end_known:
                    raise _pending("a deletion of something the server has not seen")
                for gap_start, gap_end in known.missing(start, end):
                    self.plan.deleted.append((client, gap_start, gap_end))
                    self._uncount(client, gap_start, gap_end)

    def _uncount(self, client: int, start: int, end: int) -> None:
        """Deleted characters no longer count towards their text's length."""
        runs = list(self.shape.runs[client].overlapping(start, end)) if client in self.shape.runs else []
        runs += [run for run in self.plan.runs.get(client, []) if run.start < end and run.end > start]
        for run in runs:
            if run.kind == TYPE:
                self.plan.dead.update(
                    (client, clock) for clock in range(max(start, run.start), min(end, run.end))
                )
            if run.kind == STRING and self.shape.role(run.container, self.plan) is rules.Role.TEXT:
                overlap = min(end, run.end) - max(start, run.start)
                self.plan.chars[run.container] = self.plan.chars.get(run.container, 0) - overlap
                self.plan.writer_chars[client] = self.plan.writer_chars.get(client, 0) - overlap

    def _lengths(self) -> None:
        if self.max_point_chars is None:
            return
        for text, change in self.plan.chars.items():
            if change <= 0 or not self.shape.alive(text, self.plan):
                continue  # what lands in a deleted point is collected at once
            if self.shape.chars.get(text, 0) + change > self.max_point_chars:
                raise Refusal(Outcome.TOO_LARGE, "point-too-long", "a point's text would be too long")


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(clock, length) ranges as disjoint [start, end): a hostile update may repeat or overlap them."""
    result: list[list[int]] = []
    for start, length in sorted(ranges):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], start + length)
        else:
            result.append([start, start + length])
    return [(start, end) for start, end in result]


def _cut(struct: Struct, offset: int) -> Struct:
    """The part of a struct from `offset` on (its first part is in the document already)."""
    value = struct.value
    if struct.kind == STRING:
        units = struct.value.encode("utf-16-le")[2 * offset :]
        try:
            value = units.decode("utf-16-le")
        except UnicodeDecodeError as error:
            raise Malformed("a string cut inside a character") from error
    elif struct.kind == DELETED:
        value = struct.length - offset
    elif isinstance(value, list):
        value = value[offset:]
    return Struct(
        struct.client,
        struct.clock + offset,
        struct.length - offset,
        struct.kind,
        struct.origin,
        struct.right_origin,
        struct.parent,
        struct.parent_sub,
        value,
    )


def string_length(text: str) -> int:
    return utf16_length(text)
