"""DocShape: what the server knows of one group's document, kept beside the pycrdt document.

For every clock of every writer: the place the struct was put in (the root `points`, a point's map,
a point's text) and its map key; which shared types are points and texts, and which are deleted;
what is deleted; and how many characters each text holds, and each writer in each text. A deleted
point takes its texts with it (yrs deletes what a type holds), so a writer's characters are exact
at all times: what a quota asks costs no walk over the document.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .. import rules
from ..rules import Strictness
from ..wire import ID, Malformed, Update
from .judge import Judge
from .plan import Judgement, Outcome, Plan, Refusal
from .spans import ROOT, Container, Ranges, Runs


class DocShape:
    def __init__(self):
        self.runs: dict[int, Runs] = defaultdict(Runs)
        self.roles: dict[ID, rules.Role] = {}
        self.parents: dict[ID, Container] = {}  # type -> where it stands
        self.dead: set[ID] = set()  # deleted types
        self.deleted: dict[int, Ranges] = defaultdict(Ranges)
        self.chars: dict[ID, int] = defaultdict(int)  # text -> its length
        self.text_writers: dict[ID, Counter[int]] = {}  # live text -> client -> characters
        self.point_texts: dict[ID, set[ID]] = defaultdict(set)
        self.dead_texts: set[ID] = set()  # texts whose characters no longer count
        self.writer_chars: Counter[int] = Counter()  # client -> characters in live texts
        self.live_chars = 0
        self.questions_used: set[int] = set()
        self.halves: dict[int, set[int]] = defaultdict(set)  # client -> clocks inside a character

    def state(self, client: int) -> int:
        runs = self.runs.get(client)
        return runs.end if runs else 0

    def role(self, container: Container, plan: Plan) -> rules.Role | None:
        if container == ROOT:
            return rules.Role.POINTS
        return self.roles.get(container) or plan.roles.get(container)

    def alive(self, container: Container, plan: Plan | None = None) -> bool:
        """Whether a type and every type it stands in are undeleted."""
        while container is not None and container != ROOT:
            if container in self.dead or (plan is not None and container in plan.dead):
                return False
            container = self.parents.get(container) or (plan.parents.get(container) if plan else None)
        return True

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
            plan = Judge(self, update, strictness, allowed, max_point_chars).run()
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
        for text, parent in plan.parents.items():
            if plan.roles.get(text) is rules.Role.TEXT:
                self.point_texts[parent].add(text)
        by_client: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for client, start, end in plan.deleted:
            by_client[client].append((start, end))
        for client, spans in by_client.items():
            self.deleted[client].add_all(spans)
        for text, change in plan.chars.items():
            self.chars[text] += change
        for (text, client), change in plan.text_writers.items():
            if text not in self.dead_texts:
                self.text_writers.setdefault(text, Counter())[client] += change
                self.writer_chars[client] += change
                self.live_chars += change
        self.dead |= plan.dead
        for item in plan.dead:
            role = self.roles.get(item)
            texts = [item] if role is rules.Role.TEXT else self.point_texts.get(item, ())
            for text in list(texts):
                self._text_dies(text)
        self.questions_used |= plan.questions
        for client, clocks in plan.halves.items():
            self.halves[client] |= clocks

    def _text_dies(self, text: ID) -> None:
        if text in self.dead_texts:
            return
        self.dead_texts.add(text)
        for client, count in self.text_writers.pop(text, Counter()).items():
            self.writer_chars[client] -= count
            self.live_chars -= count

    def written(self, clients) -> int:
        """The characters these writers have in the live texts now."""
        return sum(self.writer_chars.get(client, 0) for client in clients)

    def text_lengths(self) -> dict[ID, int]:
        """Each live point's text length, as the server knows it."""
        return {
            text: length
            for text, length in self.chars.items()
            if self.roles.get(text) is rules.Role.TEXT and self.alive(text)
        }
