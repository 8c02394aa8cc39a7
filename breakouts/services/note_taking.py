"""Staff open and close a consultation's note-taking. Closing keeps each group's final notes as rows."""

from __future__ import annotations

import logging

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from notes.services import note_log_lock

from ..log_actions import NOTE_TAKING_CLOSE, NOTE_TAKING_OPEN
from ..models import BreakoutGroup, NotePoint, NoteTaking
from ..selectors import live_note_points
from .notify import notify_groups

logger = logging.getLogger(__name__)


def _group_ids(consultation) -> list[int]:
    return list(BreakoutGroup.objects.filter(consultation=consultation).values_list("pk", flat=True))


@transaction.atomic
def note_taking_open(*, consultation, user=None) -> NoteTaking:
    note_taking, _ = NoteTaking.objects.select_for_update().get_or_create(consultation=consultation)
    note_taking.opened_at = timezone.now()
    note_taking.closed_at = None
    note_taking.save()
    log(instance=consultation, action=NOTE_TAKING_OPEN, user=user)
    notify_groups(_group_ids(consultation), "note_taking.changed")
    return note_taking


def _store_final_points(group: BreakoutGroup) -> int:
    # Waits for appends in flight; later ones see the closed state and are refused.
    note_log_lock(group_id=group.pk)
    points = live_note_points(group)
    NotePoint.objects.filter(group=group).delete()
    return len(NotePoint.objects.bulk_create(points))


def _store_final_points_safely(group: BreakoutGroup) -> int:
    """One group's trouble never blocks closing the others: its rows stay as they were, and the
    failure is logged for staff (the groups screen shows groups whose notes could not be stored)."""
    try:
        with transaction.atomic():
            return _store_final_points(group)
    except Exception:
        logger.exception("the final notes of group %s could not be stored", group.pk)
        return 0


@transaction.atomic
def note_taking_close(*, consultation, user=None) -> NoteTaking:
    note_taking, _ = NoteTaking.objects.select_for_update().get_or_create(consultation=consultation)
    note_taking.closed_at = timezone.now()
    note_taking.save()
    # In the order the notes log takes its locks (notes/services/log.py), so the two never wait on each other.
    groups = BreakoutGroup.objects.filter(consultation=consultation).order_by("pk")
    stored = sum(_store_final_points_safely(group) for group in groups)
    log(instance=consultation, action=NOTE_TAKING_CLOSE, user=user, data={"points": stored})
    notify_groups(_group_ids(consultation), "note_taking.changed")
    return note_taking
