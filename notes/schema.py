"""The document schema, the public contract (docs/notes-protocol.md): a root array "points" of maps
{id: str, question: int, text: Y.Text, takeaway: bool}."""

from __future__ import annotations

from dataclasses import dataclass

from pycrdt import Array, Doc, Map, Text

from .rules import MAX_ID_CHARS, text_clean

POINTS = "points"


@dataclass(frozen=True)
class Point:
    id: str
    question: int | None
    text: str
    takeaway: bool
    order: int


def points_array(doc: Doc) -> Array:
    return doc.get(POINTS, type=Array)


QUESTION_NUMBERS = range(0, 32768)  # what a question number column holds on every database


def _as_question(value) -> int | None:
    # JavaScript numbers arrive as floats; anything else, or a number no question can have, is a
    # client's mistake: the point is kept without a question rather than failing the closing.
    try:
        number = int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError, OverflowError):
        return None
    return number if number in QUESTION_NUMBERS else None


def points_read(doc: Doc) -> list[Point]:
    """The points in document order; entries that are not maps are skipped. Text is cleaned of what no
    database or reader can take (rows stored before the schema was enforced on write may hold it)."""
    result = []
    for order, item in enumerate(points_array(doc)):
        if not isinstance(item, Map):
            continue
        text = item.get("text")
        result.append(
            Point(
                id=text_clean(str(item.get("id") or ""))[:MAX_ID_CHARS],
                question=_as_question(item.get("question")),
                text=text_clean(str(text)) if isinstance(text, Text | str) else "",
                takeaway=item.get("takeaway") is True,
                order=order,
            )
        )
    return result


def document_json(doc: Doc) -> list[dict]:
    """A comparable plain form of the whole document."""
    return [point.__dict__ for point in points_read(doc)]
