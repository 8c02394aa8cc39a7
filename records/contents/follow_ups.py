"""follow_ups.json and .txt: what happened next, as the published minutes say, and which takeaways
each follow-up answers. The text as sanitised HTML and as plain text."""

from __future__ import annotations

import html
import json
import re

from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from wagtail.rich_text import expand_db_html

from sakrad.sanitiser import html_sanitise

BREAKS = re.compile(r"<br\s*/?>|</(?:p|li|h\d|div)>", re.IGNORECASE)


def plain_text(rich_html: str) -> str:
    text = html.unescape(strip_tags(BREAKS.sub("\n", rich_html)))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def follow_up_rows(follow_ups) -> list[dict]:
    rows = []
    for follow_up in follow_ups:
        rich = html_sanitise(expand_db_html(follow_up.text or ""))
        rows.append(
            {
                "date": follow_up.date.isoformat(),
                "text": plain_text(rich),
                "html": rich,
                "answers": [
                    {"takeaway_number": number, "text": takeaway.text}
                    for number, takeaway in follow_up.answered
                ],
            }
        )
    return rows


def takeaway_rows(numbered) -> list[dict]:
    """The minutes' takeaways with their status where the minutes record one (carry-over)."""
    rows = []
    for number, takeaway in numbered:
        # Only a status already read: a deferred field would cost a query per takeaway.
        loaded = "status" not in takeaway.get_deferred_fields()
        status = getattr(takeaway, "status", None) if loaded else None
        rows.append(
            {
                "number": number,
                "question_number": takeaway.question_number,
                "text": takeaway.text,
                "status": status,
            }
        )
    return rows


def follow_ups_json(rows: list[dict], *, header: dict) -> bytes:
    data = {**header, "follow_ups": rows}
    return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def follow_ups_text(rows: list[dict], *, title: str) -> bytes:
    lines = [_("What happened next"), title, ""]
    for row in rows:
        lines += [row["date"], row["text"]]
        for answer in row["answers"]:
            label = _("In answer to takeaway %(number)s:") % {"number": answer["takeaway_number"]}
            lines.append(f"  {label} {answer['text']}")
        lines.append("")
    if not rows:
        lines.append(_("The minutes have no follow-ups yet."))
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")
