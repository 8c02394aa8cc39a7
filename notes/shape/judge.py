"""One judgement of one update against the shape: which of its structs are new, where each lands (as
yrs would place it), whether each may stand there (notes/rules.py), what it deletes, and how texts
grow. Every step is linear in the update, whatever a hand-made update references."""

from __future__ import annotations

import itertools
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from dataclasses import dataclass

from .. import rules
from ..rules import Strictness
from ..wire import ANY, DELETED, GC, ID, SKIP, STRING, TYPE, Malformed, Struct
from .plan import Outcome, Plan, Refusal, pending, refused
from .spans import ROOT, Container, Ranges, Run


@dataclass
class _Placed:
    struct: Struct
    container: Container = None
    key: str | None = None
    done: bool = False


class Judge:
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
        self.starts: dict[int, list[int]] = {}  # client -> its new structs' first clocks

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
                    raise pending("changes of a writer the server has not seen")
                entry = _Placed(_cut(struct, state - struct.clock) if struct.clock < state else struct)
                if struct.clock < state:
                    self.overlapping[client] = entry
                placed.append(entry)
                state = entry.struct.end
                if entry.struct.kind == STRING:
                    self._note_halves(entry.struct)
            if placed:
                self.new[client] = placed
                self.starts[client] = [entry.struct.clock for entry in placed]
            self.ends[client] = state

    def _note_halves(self, struct: Struct) -> None:
        offset = 0
        for character in struct.value:
            if ord(character) > 0xFFFF:  # two UTF-16 units, so two clocks
                self.plan.halves.setdefault(struct.client, set()).add(struct.clock + offset + 1)
                offset += 2
            else:
                offset += 1

    def _splits(self, client: int, clock: int) -> bool:
        """Whether a cut before `clock` falls inside a character. Our editor never cuts there; yrs
        would, and then write a document that reads back different from itself."""
        return clock in self.shape.halves.get(client, ()) or clock in self.plan.halves.get(client, ())

    def _refuse_split_characters(self, struct: Struct) -> None:
        if self.tolerant:
            return
        # yrs splits the struct it inserts after just past the origin, and the one before at the
        # right origin.
        if struct.origin and self._splits(struct.origin[0], struct.origin[1] + 1):
            raise refused("an insertion inside a character")
        if struct.right_origin and self._splits(*struct.right_origin):
            raise refused("an insertion inside a character")

    def _new_at(self, client: int, clock: int) -> _Placed | None:
        placed = self.new.get(client)
        if not placed or clock < placed[0].struct.clock or clock >= placed[-1].struct.end:
            return None
        return placed[bisect_right(self.starts[client], clock) - 1]

    def _lookup(self, id_: ID):
        """(container, key, kind) of the struct holding id_, or the _Placed it waits for."""
        client, clock = id_
        if clock < self.shape.state(client):
            run = self.shape.runs[client].at(clock)
            return run.container, run.key, run.kind
        placed = self._new_at(client, clock)
        if placed is None:
            raise pending("a reference to something the server has not seen")
        if not placed.done:
            return placed
        return placed.container, placed.key, placed.struct.kind

    def _place_all(self) -> None:
        """Places every struct once its references are placed: each waits on one struct at a time
        and is tried again only when that one is placed, so an update of n structs costs O(n) tries
        however its references run (a hand-made one may point every struct at the next)."""
        queue = deque(placed for structs in self.new.values() for placed in structs)
        waiters: dict[int, list[_Placed]] = defaultdict(list)
        while queue:
            placed = queue.popleft()
            blocker = self._place(placed)
            if blocker is None:
                queue.extend(waiters.pop(id(placed), ()))
            else:
                waiters[id(blocker)].append(placed)
        if waiters:
            raise pending("changes that wait on each other")

    def _place(self, placed: _Placed) -> _Placed | None:
        """Places one struct; the struct of the same update it must wait for, if any."""
        struct = placed.struct
        if struct.kind == GC:
            placed.container, placed.done = None, True
            self.order.append(placed)
            return None
        if struct.parent is not None:
            container = self._explicit_parent(struct.parent)
            if isinstance(container, _Placed):
                return container
            placed.container, placed.key = container, struct.parent_sub
        else:
            self._refuse_split_characters(struct)
            left = self._lookup(struct.origin) if struct.origin else None
            right = self._lookup(struct.right_origin) if struct.right_origin else None
            for side in (left, right):
                if isinstance(side, _Placed):
                    return side
            sides = [side for side in (left, right) if side is not None and side[0] is not None]
            if len(sides) == 2 and sides[0][:2] != sides[1][:2] and not self.tolerant:
                raise refused("its neighbours are in two different places")
            placed.container, placed.key = sides[0][:2] if sides else (None, None)
        self._check_overlap(placed)
        placed.done = True
        self.order.append(placed)
        return None

    def _explicit_parent(self, parent) -> Container:
        if isinstance(parent, str):
            if parent != ROOT and not self.tolerant:
                raise refused(f"a root type other than {ROOT!r}")
            return parent  # another root, folded in before the schema was enforced, plays no part
        found = self._lookup(parent)
        if isinstance(found, _Placed):
            return found
        container, _key, kind = found
        if container is None or kind in (DELETED, GC):
            return None  # yrs collects what lands in a deleted parent
        if kind == TYPE:
            return parent
        if self.tolerant:
            return None
        raise refused("a parent that is not a shared type")

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
            raise refused("it continues a change that was made elsewhere")

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
        if (
            role is rules.Role.TEXT
            and struct.kind == STRING
            and self.shape.alive(placed.container, self.plan)
        ):
            self._count(placed.container, struct.client, struct.length)
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
                    raise pending("a deletion of something the server has not seen")
                if not self.tolerant and (self._splits(client, start) or self._splits(client, end)):
                    raise refused("a deletion of half a character")
                for gap_start, gap_end in known.missing(start, end):
                    self.plan.deleted.append((client, gap_start, gap_end))
                    self._uncount(client, gap_start, gap_end)

    def _uncount(self, client: int, start: int, end: int) -> None:
        """Deleted characters no longer count towards their text's length."""
        runs = list(self.shape.runs[client].overlapping(start, end)) if client in self.shape.runs else []
        new = self.plan.runs.get(client)
        if new:  # contiguous from the shape's state on: find the first that ends past `start`
            first = max(bisect_left(self.starts[client], start) - 1, 0)
            following = itertools.islice(new, first, None)
            runs += [
                run for run in itertools.takewhile(lambda run: run.start < end, following) if run.end > start
            ]
        for run in runs:
            if run.kind == TYPE:
                self.plan.dead.update(
                    (client, clock) for clock in range(max(start, run.start), min(end, run.end))
                )
            texts = run.kind == STRING and self.shape.role(run.container, self.plan) is rules.Role.TEXT
            if texts and run.container not in self.shape.dead_texts:
                self._count(run.container, client, -(min(end, run.end) - max(start, run.start)))

    def _count(self, text: ID, client: int, change: int) -> None:
        self.plan.chars[text] = self.plan.chars.get(text, 0) + change
        key = (text, client)
        self.plan.text_writers[key] = self.plan.text_writers.get(key, 0) + change

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
