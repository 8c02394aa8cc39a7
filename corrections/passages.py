"""The passages of a minutes draft an attendee may suggest a correction to, found in the body's raw JSON.

A passage is one piece of rich text: a paragraph, a presentation's summary, or one takeaway or point
under a discussion question. Its key is built from the block's id (and the list item's id), which
Wagtail keeps across revisions, so a suggestion still finds its passage after other edits. Block
types not listed here (headings, images, blocks other apps add) are never passages: they pass
through `passage_replace` untouched.
"""

from __future__ import annotations

import copy
import html
import re
from dataclasses import dataclass

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

OTHER_POINTS_NUMBER = 0  # the compile step's record for points under no question
LIST_FIELDS = ("takeaways", "points")


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


def _question_passages(block_key: str, value: dict) -> list[Passage]:
    number = value.get("number")
    question = value.get("question") or ""
    section = question if number == OTHER_POINTS_NUMBER else f"{number}. {question}"
    found = []
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


def passages_of(body_raw) -> list[Passage]:
    """The draft's passages in reading order; empty ones left out (there is nothing to correct)."""
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
            found += _question_passages(key, value)
            section = ""
    return [passage for passage in found if passage.text]


def passage_find(body_raw, key: str) -> Passage | None:
    return next((passage for passage in passages_of(body_raw) if passage.key == key), None)


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
