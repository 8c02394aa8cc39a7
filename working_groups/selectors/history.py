"""How each question changed between versions of the consultation, read from the raw revisions in one
query. A revision stores the questions as a list of dicts, each with its sub-questions as a StreamField
value serialised to a JSON string."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from ..diff import list_diff, word_diff


@dataclass
class QuestionVersion:
    revision_id: int
    created_at: dt.datetime
    user: object  # who saved the revision (staff), or None
    text: str
    sub_questions: list[str]
    # Against the version before; empty for the first.
    text_diff: str = ""
    sub_questions_diff: list = field(default_factory=list)


def _sub_question_texts(raw) -> list[str]:
    blocks = json.loads(raw) if isinstance(raw, str) else (raw or [])
    return [block.get("value", "") for block in blocks if isinstance(block, dict)]


def _questions_in(revision) -> dict[int, tuple[str, list[str]]]:
    rows = (revision.content or {}).get("questions") or []
    return {
        row["number"]: (row.get("text", ""), _sub_question_texts(row.get("sub_questions"))) for row in rows
    }


def question_histories(*, consultation) -> dict[int, list[QuestionVersion]]:
    """For each question number, oldest first, the versions in which its text or sub-questions changed."""
    histories: dict[int, list[QuestionVersion]] = {}
    revisions = consultation.revisions.select_related("user").order_by("created_at", "id")
    for revision in revisions:
        for number, (text, subs) in _questions_in(revision).items():
            versions = histories.setdefault(number, [])
            previous = versions[-1] if versions else None
            if previous and (previous.text, previous.sub_questions) == (text, subs):
                continue
            version = QuestionVersion(revision.pk, revision.created_at, revision.user, text, subs)
            if previous:
                version.text_diff = word_diff(previous.text, text)
                version.sub_questions_diff = list_diff(previous.sub_questions, subs)
            versions.append(version)
    return histories


def question_history(*, consultation, number: int) -> list[QuestionVersion]:
    return question_histories(consultation=consultation).get(number, [])
