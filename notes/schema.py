"""The document schema, the public contract (docs/notes-protocol.md): a root array "points" of maps
{id: str, question: int, text: Y.Text, takeaway: bool}."""

from __future__ import annotations

from dataclasses import dataclass

from pycrdt import Array, Doc, Map, Text

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


def _as_int(value) -> int | None:
    # JavaScript numbers arrive as floats; anything else is a client's mistake, not ours to crash on.
    try:
        return int(value) if value is not None and not isinstance(value, bool) else None
    except (TypeError, ValueError):
        return None


def points_read(doc: Doc) -> list[Point]:
    """The points in document order; entries that are not maps are skipped."""
    result = []
    for order, item in enumerate(points_array(doc)):
        if not isinstance(item, Map):
            continue
        text = item.get("text")
        result.append(
            Point(
                id=str(item.get("id") or ""),
                question=_as_int(item.get("question")),
                text=str(text) if isinstance(text, Text | str) else "",
                takeaway=item.get("takeaway") is True,
                order=order,
            )
        )
    return result


def document_json(doc: Doc) -> list[dict]:
    """A comparable plain form of the whole document."""
    return [point.__dict__ for point in points_read(doc)]
