"""The passages of a minutes draft an attendee may suggest a correction to: the body's raw JSON and the
draft's takeaways.

A passage is one piece of text: a paragraph, a presentation's summary, a point under a discussion
question, or a takeaway. A body passage's key is built from the block's id (and the list item's id),
which Wagtail keeps across revisions, so a suggestion still finds its passage after other edits. Block
types not listed here (headings, images, blocks other apps add) are never passages: they pass through
`passage_replace` untouched.

A takeaway is not in the body: its one record is the minutes' `Takeaway` row (minutes/models/takeaway.py),
so its passage is that row as the draft's latest revision holds it, keyed `takeaway.<id>` (or by its
place, `takeaway.#<n>`, for one added since the last publication and not yet given an id), shown under
its question with the question's points. Accepting a correction to it changes that row
(`takeaway_replace`), which every reader of the minutes reads once they are published.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from minutes.participant_text import participant_html
from minutes.reading import OTHER_POINTS_NUMBER, ordered_takeaways

LIST_FIELDS = ("points",)
TAKEAWAY_PREFIX = "takeaway."


@dataclass(frozen=True)
class Passage:
    key: str
    label: str  # in the active language, e.g. "Question 2, takeaway 1"
    section: str  # the heading it sits under on the review page ("" for none)
    html: str
    text: str


def plain_text(rich: str) -> str:
    """What a reader sees: tags dropped, entities decoded, one line per paragraph or line break."""
    rich = re.sub(r"(?i)<br\s*/?>|</p>|</li>|</h\d>", "\n", rich or "")
    lines = (" ".join(line.split()) for line in html.unescape(strip_tags(rich)).splitlines())
    return "\n".join(line for line in lines if line)


@dataclass(frozen=True)
class TakeawayText:
    """What a passage needs of one of the draft's takeaways."""

    key: str
    question_number: int | None
    text: str


def takeaway_texts(draft) -> list[TakeawayText]:
    """The draft's takeaways in their order, each with its passage key."""
    return [
        TakeawayText(
            key=f"{TAKEAWAY_PREFIX}{row.pk}" if row.pk else f"{TAKEAWAY_PREFIX}#{position}",
            question_number=row.question_number,
            text=row.text or "",
        )
        for position, row in enumerate(ordered_takeaways(draft))
    ]


def _takeaway_passage(takeaway: TakeawayText, label: str, section: str) -> Passage:
    rich = participant_html(takeaway.text) if takeaway.text.strip() else ""
    return Passage(key=takeaway.key, label=label, section=section, html=rich, text=plain_text(rich))


def _key(block: dict, index: int) -> str:
    return str(block.get("id") or f"#{index}")


def _item(item, index: int) -> tuple[str, str]:
    """(key part, html) of a ListBlock item, in Wagtail's block format or the older bare value."""
    if isinstance(item, dict) and item.get("type") == "item":
        return str(item.get("id") or f"#{index}"), item.get("value") or ""
    return f"#{index}", item if isinstance(item, str) else ""


def _label(number, field: str, position: int) -> str:
    if number == OTHER_POINTS_NUMBER:
        if field == "takeaways":
            return _("Other points raised, takeaway %(item)s") % {"item": position}
        return _("Other points raised, point %(item)s") % {"item": position}
    if field == "takeaways":
        return _("Question %(number)s, takeaway %(item)s") % {"number": number, "item": position}
    return _("Question %(number)s, point %(item)s") % {"number": number, "item": position}


def _record_number(takeaway: TakeawayText) -> int:
    """The question record a takeaway is shown under (none: "Other points raised")."""
    return OTHER_POINTS_NUMBER if takeaway.question_number is None else takeaway.question_number


def _question_passages(block_key: str, value: dict, takeaways: list[TakeawayText]) -> list[Passage]:
    number = value.get("number")
    question = value.get("question") or ""
    section = question if number == OTHER_POINTS_NUMBER else f"{number}. {question}"
    found = [
        _takeaway_passage(takeaway, _label(number, "takeaways", position), section)
        for position, takeaway in enumerate(takeaways, start=1)
    ]
    for field in LIST_FIELDS:
        for position, item in enumerate(value.get(field) or [], start=1):
            item_key, rich = _item(item, position - 1)
            found.append(
                Passage(
                    key=f"{block_key}.{field}.{item_key}",
                    label=_label(number, field, position),
                    section=section,
                    html=rich,
                    text=plain_text(rich),
                )
            )
    return found


def passages_of(body_raw, takeaways: list[TakeawayText] = ()) -> list[Passage]:
    """The draft's passages in reading order; empty ones left out (there is nothing to correct).
    Each takeaway comes under its question's record, before the points; one whose question has no
    record in the body comes last, under "Takeaways"."""
    by_record: dict[int, list[TakeawayText]] = {}
    for takeaway in takeaways:
        by_record.setdefault(_record_number(takeaway), []).append(takeaway)
    found, section, paragraphs = [], "", 0
    for index, block in enumerate(body_raw or []):
        kind, value, key = block.get("type"), block.get("value"), _key(block, index)
        if kind == "heading":
            section = str(value or "")
        elif kind == "paragraph" and isinstance(value, str):
            paragraphs += 1
            label = _("Paragraph %(number)s") % {"number": paragraphs}
            found.append(Passage(key=key, label=label, section=section, html=value, text=plain_text(value)))
        elif kind == "presentation" and isinstance(value, dict):
            title = value.get("title") or ""
            rich = value.get("summary") or ""
            label = _("Presentation: %(title)s") % {"title": title}
            found.append(Passage(f"{key}.summary", label, title, rich, plain_text(rich)))
        elif kind == "question_record" and isinstance(value, dict):
            found += _question_passages(key, value, by_record.pop(value.get("number"), []))
            section = ""
    for number, rest in by_record.items():
        for position, takeaway in enumerate(rest, start=1):
            found.append(_takeaway_passage(takeaway, _label(number, "takeaways", position), _("Takeaways")))
    return [passage for passage in found if passage.text]


def draft_passages(draft) -> list[Passage]:
    """The passages of a draft (a MinutesPage as its latest revision holds it)."""
    return passages_of(draft.body.raw_data, takeaway_texts(draft))


def passage_find(body_raw, key: str, takeaways: list[TakeawayText] = ()) -> Passage | None:
    return next((passage for passage in passages_of(body_raw, takeaways) if passage.key == key), None)


def draft_passage_find(draft, key: str) -> Passage | None:
    return next((passage for passage in draft_passages(draft) if passage.key == key), None)


def is_takeaway_key(key: str) -> bool:
    return key.startswith(TAKEAWAY_PREFIX)


def takeaway_replace(draft, key: str, text: str) -> None:
    """Writes `text` (plain, as the attendee wrote it) into the draft's takeaway with this passage key,
    in memory: the caller saves a revision. KeyError for an unknown key."""
    rows = ordered_takeaways(draft)
    for row, takeaway in zip(rows, takeaway_texts(draft), strict=True):
        if takeaway.key == key:
            row.text = text
            draft.takeaways = rows
            return
    raise KeyError(key)


def passage_replace(body_raw, key: str, new_html: str) -> list:
    """A copy of the body with the passage's rich text replaced; KeyError for an unknown key."""
    body = copy.deepcopy(list(body_raw or []))
    block_key, _dot, rest = key.partition(".")
    for index, block in enumerate(body):
        if _key(block, index) != block_key:
            continue
        value = block.get("value")
        if not rest and block.get("type") == "paragraph":
            block["value"] = new_html
            return body
        if rest == "summary" and block.get("type") == "presentation":
            value["summary"] = new_html
            return body
        field, _dot, item_key = rest.partition(".")
        if block.get("type") == "question_record" and field in LIST_FIELDS:
            items = value.get(field) or []
            for position, item in enumerate(items):
                if _item(item, position)[0] == item_key:
                    if isinstance(item, dict):
                        item["value"] = new_html
                    else:
                        items[position] = new_html
                    return body
    raise KeyError(key)
