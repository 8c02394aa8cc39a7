"""The document schema as rules for each new struct (docs/notes-protocol.md, "Document schema").

One root `Y.Array` named `points` of `Y.Map`s; each map holds `id` (a short string), `question` (the
number of one of the consultation's questions), `text` (a `Y.Text`) and `takeaway` (a boolean).
Nothing else, anywhere. A deleted struct (a tombstone) may stand wherever a struct may.
"""

from __future__ import annotations

import math
import re
from enum import Enum

from .wire import ANY, DELETED, STRING, TYPE, Y_MAP, Y_TEXT, Struct

ROOT_NAME = "points"
MAX_ID_CHARS = 64  # what NotePoint.point_id holds
KEYS = ("id", "question", "text", "takeaway")
# NUL cannot be stored in PostgreSQL text; the other control characters are never typed, only
# smuggled. A textarea gives newlines and tabs.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Role(Enum):
    POINTS = "points"  # the root array
    POINT = "point"  # one point's map
    TEXT = "text"  # one point's text


class SchemaViolation(ValueError):
    pass


class UnknownQuestion(SchemaViolation):
    """A question number the consultation does not have (perhaps not yet: its list may be stale)."""


class Strictness(Enum):
    """How much of the schema a judgement holds an update to."""

    WRITE = "write"  # a client's new change: everything, with the consultation's question numbers
    STORED = "stored"  # a row of the log: where each struct may stand (values are cleaned on reading)
    SNAPSHOT = "snapshot"  # a folded document: nothing refused, what breaks the schema gets no part


def text_clean(value: str) -> str:
    """Text stored before these rules, as PostgreSQL and a reader can take it."""
    return CONTROL.sub("", value)


def _one_value(struct: Struct):
    if struct.kind != ANY or len(struct.value) != 1:
        raise SchemaViolation("a map entry must hold one value")
    return struct.value[0]


def _point_id(struct: Struct) -> None:
    value = _one_value(struct)
    if not isinstance(value, str) or not 0 < len(value) <= MAX_ID_CHARS or CONTROL.search(value):
        raise SchemaViolation("a point id must be a short string")


def _question(struct: Struct, questions: set[int]) -> None:
    value = _one_value(struct)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise SchemaViolation("a question must be a number")
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        raise SchemaViolation("a question must be a whole number")
    if int(value) not in questions:
        raise UnknownQuestion("no such question")


def _takeaway(struct: Struct) -> None:
    if not isinstance(_one_value(struct), bool):
        raise SchemaViolation("takeaway must be true or false")


def _point_entry(key: str | None, struct: Struct, questions: set[int] | None) -> Role | None:
    if key not in KEYS:
        raise SchemaViolation("a point holds id, question, text and takeaway only")
    if struct.kind == DELETED:
        return None
    if key == "text":
        if struct.kind != TYPE or struct.value != Y_TEXT:
            raise SchemaViolation("a point's text must be a Y.Text")
        return Role.TEXT
    if questions is None:  # a stored row: one value is all that matters, its reader cleans it
        _one_value(struct)
    elif key == "id":
        _point_id(struct)
    elif key == "question":
        _question(struct, questions)
    else:
        _takeaway(struct)
    return None


def check(role: Role, key: str | None, struct: Struct, questions: set[int] | None) -> Role | None:
    """Raises SchemaViolation unless the struct may stand here; returns the part a new type plays.
    `questions` None: a stored struct, held to the structure only."""
    if role is Role.POINT:
        return _point_entry(key, struct, questions)
    if key is not None:
        raise SchemaViolation("a list holds no keys")
    if struct.kind == DELETED:
        return None
    if role is Role.POINTS:
        if struct.kind != TYPE or struct.value != Y_MAP:
            raise SchemaViolation("points holds maps only")
        return Role.POINT
    if struct.kind != STRING:
        raise SchemaViolation("a text holds characters only")
    if questions is not None and CONTROL.search(struct.value):
        raise SchemaViolation("control characters in a text")
    return None
