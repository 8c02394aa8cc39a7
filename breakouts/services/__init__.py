from .assignment import AssignmentImpossible, groups_assign
from .groups import (
    BreakoutError,
    breakout_group_create,
    group_member_add,
    group_member_move,
    group_member_remove,
)
from .note_taking import note_taking_close, note_taking_open

__all__ = [
    "AssignmentImpossible",
    "BreakoutError",
    "breakout_group_create",
    "group_member_add",
    "group_member_move",
    "group_member_remove",
    "groups_assign",
    "note_taking_close",
    "note_taking_open",
]
