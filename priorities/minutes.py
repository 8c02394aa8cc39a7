"""The plenary's votes beside each takeaway of the compiled minutes (registered with
minutes/takeaway_annotations.py in PrioritiesConfig.ready).

A round's options are matched to the compiled takeaways by question number and text (spaces
collapsed): the same takeaway that stood on the wall. A takeaway changed after the round, or added
after it started, has no match and keeps `plenary_votes` None, which the minutes show as nothing.
The minutes' "other points" takeaways have no question number; they match on text alone.
"""

from __future__ import annotations

from collections import defaultdict

from .selectors import round_last_closed, round_options


def _key(number, text: str) -> tuple:
    return number, " ".join((text or "").split())


def takeaways_votes_set(*, consultation, takeaways: list) -> None:
    closed = round_last_closed(consultation_id=consultation.pk)
    if closed is None:
        return
    by_key: dict[tuple, list[int]] = defaultdict(list)
    by_text: dict[tuple, list[int]] = defaultdict(list)
    for option in round_options(round=closed):
        by_key[_key(option.question_number, option.text)].append(option.votes)
        by_text[_key(None, option.text)].append(option.votes)
    for takeaway in takeaways:
        key = _key(takeaway.question_number, takeaway.text)
        # Two groups may bring the same words under one question: each takeaway takes one option's count.
        counts = by_key.get(key) if takeaway.question_number is not None else by_text.get(key)
        takeaway.plenary_votes = counts.pop(0) if counts else None
