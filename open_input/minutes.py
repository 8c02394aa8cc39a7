"""The open-input section of the compiled minutes: approved answers only, de-attributed (no
organisation, no age band next to an answer), with the counts. A section of the minutes' compile step,
registered in OpenInputConfig.ready() (minutes/sections.py)."""

from __future__ import annotations

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from minutes.blocks import QUESTION_MAX
from minutes.participant_text import participant_html

from .selectors import approved_summary


def open_input_minutes_blocks(*, consultation, questions) -> list[dict]:
    """One raw `open_input` block, or none when no answer has been approved. `questions` are the
    consultation's published questions, in the minutes' order."""
    summary = approved_summary(consultation=consultation)
    if not summary.answers:
        return []
    by_number: dict[int | None, list[str]] = {}
    for answer in summary.answers:
        by_number.setdefault(answer.question_number, []).append(participant_html(answer.text))
    sections = [
        {
            "question_number": q.number,
            "question": Truncator(q.text).chars(QUESTION_MAX),
            "answers": by_number.pop(q.number),
        }
        for q in questions
        if q.number in by_number
    ]
    # The general answers, and any to a question that has since been taken off the page.
    rest = [html for answers in by_number.values() for html in answers]
    if rest:
        sections.append({"question_number": None, "question": _("In general"), "answers": rest})
    return [
        {
            "type": "open_input",
            "value": {
                "answer_count": len(summary.answers),
                "respondent_count": summary.respondent_count,
                "age_bands": [{"label": label, "count": count} for label, count in summary.age_bands],
                "questions": sections,
            },
        }
    ]
