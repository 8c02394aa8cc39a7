"""Who may see and write a breakout group's notes, and who runs groups and the plenary.

One module, used by the views (the group page, the plenary wall, the admin) and by the notes consumer,
which asks through notes/room.py (`notes_room_register`, called in BreakoutsConfig.ready()).
"""

from __future__ import annotations

from notes.room import Room, room_register
from sakrad.roles import staff_may

from .models import BreakoutGroup
from .selectors import (
    group_get,
    group_question_numbers,
    groups_note_taking_open_sql,
    is_group_member,
    note_taking_is_open,
)

MANAGE_PERMISSION = "breakouts.change_breakoutgroup"

__all__ = [
    "MANAGE_PERMISSION",
    "can_edit_notes",
    "can_manage_groups",
    "can_run_group",
    "can_run_plenary",
    "can_view_group",
    "notes_room_register",
]


def can_manage_groups(*, user, consultation) -> bool:
    """Create groups, assign people, open and close note-taking: the organisers (staff_roles), on a
    consultation whose page they may edit."""
    return staff_may(user=user, permission=MANAGE_PERMISSION, page=consultation)


def can_view_group(*, user, group: BreakoutGroup) -> bool:
    """Its members, and the staff who run the groups; other staff (approvers, editors) have no business
    in a group's notes before they become minutes."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    if is_group_member(user=user, group=group):
        return True
    return can_manage_groups(user=user, consultation=group.consultation)


def can_edit_notes(*, user, group: BreakoutGroup) -> bool:
    """Members and staff while note-taking is open; once closed the notes are read-only for everyone,
    so the rows stored at closing are the final notes."""
    if not can_view_group(user=user, group=group):
        return False
    return note_taking_is_open(consultation_id=group.consultation_id)


def can_run_group(*, user, group: BreakoutGroup) -> bool:
    return can_manage_groups(user=user, consultation=group.consultation)


def can_run_plenary(*, user, consultation) -> bool:
    """The wall is part of running the day: those who run the groups."""
    return can_manage_groups(user=user, consultation=consultation)


def notes_room_register() -> None:
    """Tells notes, which may not import breakouts, what a group is and who may read and write its notes."""
    room_register(
        Room(
            group_get=group_get,
            may_view=can_view_group,
            may_edit=can_edit_notes,
            open_groups_sql=groups_note_taking_open_sql,
            question_numbers=group_question_numbers,
            runs_groups=can_run_group,
        )
    )
