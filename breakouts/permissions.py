"""Who may see and write a breakout group's notes, and who runs groups and the plenary.

One module, used by the views (the group page, the plenary wall, the admin) and by the notes consumer.
"""

from __future__ import annotations

from sakrad.roles import is_staff

from .models import BreakoutGroup
from .selectors import is_group_member, note_taking_is_open

MANAGE_PERMISSION = "breakouts.change_breakoutgroup"

# `is_staff` above (ministry staff with their rights: anyone who may enter the Wagtail admin, with
# the second factor when SAKRAD_REQUIRE_STAFF_MFA is on) lives in sakrad/roles.py; the other apps
# import it from here.


def can_manage_groups(user) -> bool:
    """Create groups, assign people, open and close note-taking."""
    return is_staff(user) and (user.is_superuser or user.has_perm(MANAGE_PERMISSION))


def can_view_group(user, group: BreakoutGroup) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return is_staff(user) or is_group_member(user=user, group=group)


def can_edit_notes(user, group: BreakoutGroup) -> bool:
    """Members and staff while note-taking is open; once closed the notes are read-only for everyone,
    so the rows stored at closing are the final notes."""
    return can_view_group(user, group) and note_taking_is_open(consultation_id=group.consultation_id)


def can_run_plenary(user, consultation) -> bool:
    return is_staff(user)
