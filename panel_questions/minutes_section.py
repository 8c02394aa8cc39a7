"""The minutes page's "Questions the panel did not reach" (minutes/page_sections.py): the approved
questions left when the questions closed, each with its written answer once there is one. No names."""

from __future__ import annotations

from .selectors import follow_up_questions


def unreached_questions(*, page, consultation) -> dict | None:
    questions = follow_up_questions(consultation=consultation)
    return {"questions": questions} if questions else None
