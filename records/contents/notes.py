"""notes/<group>.json and .txt: each group's final notes as stored when note-taking closed. No author:
the stored points have none, and the group's members are not listed."""

from __future__ import annotations

import json

from django.utils.text import slugify
from django.utils.translation import gettext as _

from ..selectors import GroupNotes


def group_slug(position: int, name: str) -> str:
    # The position keeps file names unique and in the groups' order, whatever the names slugify to.
    return f"{position:02d}-{slugify(name) or 'group'}"


def notes_json(group: GroupNotes, *, header: dict) -> bytes:
    data = {**header, "group": group.name, "points": group.points}
    return (json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n").encode("utf-8")


def notes_text(group: GroupNotes, *, title: str) -> bytes:
    lines = [group.name, title, ""]
    question = object()  # never equal to a number or None: the first point always opens a heading
    for point in group.points:
        if point["question_number"] != question:
            question = point["question_number"]
            if lines[-1] != "":
                lines.append("")
            if question is None:
                lines.append(_("Not under a question"))
            else:
                lines.append(_("Question %(number)s") % {"number": question})
        marker = _("[Takeaway]") + " " if point["takeaway"] else ""
        lines.append(f"- {marker}{point['text']}")
    if not group.points:
        lines.append(_("The group's notes have no points."))
    return ("\n".join(lines) + "\n").encode("utf-8")
