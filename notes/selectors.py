"""Reads of the notes log for staff screens."""

from __future__ import annotations

from collections import Counter

from .models import NoteSnapshot, NoteUpdate


def notes_set_aside(*, group_ids) -> dict[int, int]:
    """Per group, how many stored changes could not be applied and were quarantined (kept aside for
    staff, left out of the notes); groups with none are absent. Two queries for any number of groups."""
    ids = list(group_ids)
    counts: Counter[int] = Counter()
    for model in (NoteUpdate, NoteSnapshot):
        rows = model.objects.filter(group_id__in=ids, quarantined_at__isnull=False)
        counts.update(rows.values_list("group_id", flat=True))
    return dict(counts)
