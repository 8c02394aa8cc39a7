"""What a judgement says of an update, and the plan of what recording it adds to the shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .. import rules
from ..wire import ID
from .spans import Container, Run


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
    # (text, client) -> change in the characters that writer has in that text
    text_writers: dict[tuple[ID, int], int] = field(default_factory=dict)
    questions: set[int] = field(default_factory=set)
    parents: dict[ID, Container] = field(default_factory=dict)  # new type -> where it stands
    dead: set[ID] = field(default_factory=set)  # type items deleted
    # client -> clocks of the second halves of characters outside the BMP (emoji): cutting there
    # would split a character, which yrs then encodes inconsistently
    halves: dict[int, set[int]] = field(default_factory=dict)

    @property
    def grows_by(self) -> dict[int, int]:
        """client -> characters this plan adds to what that writer has (ignoring what it removes)."""
        grown: dict[int, int] = {}
        for (_text, client), change in self.text_writers.items():
            grown[client] = grown.get(client, 0) + change
        return {client: change for client, change in grown.items() if change > 0}


class Refusal(Exception):
    def __init__(self, outcome: Outcome, reason: str, detail: str):
        super().__init__(detail)
        self.outcome, self.reason, self.detail = outcome, reason, detail


def refused(detail: str, reason: str = "schema") -> Refusal:
    return Refusal(Outcome.REFUSED, reason, detail)


def pending(detail: str) -> Refusal:
    return Refusal(Outcome.PENDING, "pending", detail)
