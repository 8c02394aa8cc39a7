"""Who may compile a consultation's minutes from its groups' notes, follow them up and publish them."""

from __future__ import annotations

from sakrad.roles import is_staff, staff_may
from staff_roles.groups import APPROVERS

# Compiling creates the minutes draft (a minutes page); the organisers hold it (staff_roles/groups.py).
COMPILE_PERMISSION = "minutes.add_minutespage"
FOLLOW_UP_PERMISSION = COMPILE_PERMISSION


def can_compile_minutes(*, user, consultation) -> bool:
    """Organisers who may add pages under the consultation or edit it: compiling creates (or updates)
    the minutes draft as its child page. Editors may edit that draft, but not remake it from the notes."""
    return staff_may(user=user, permission=COMPILE_PERMISSION, page=consultation)


def can_follow_up(*, user, minutes) -> bool:
    """Organisers who may edit the minutes set their takeaways' statuses and write the follow-ups: the
    ministry's word on what happened next, logged in the page history, not a change to the approved
    record of the meeting, so it does not go through the approval workflow. The organisers' permission
    to compile (they follow up what they compiled); a role of its own would need one in
    staff_roles/groups.py."""
    return staff_may(user=user, permission=FOLLOW_UP_PERMISSION, page=minutes)


def can_publish_minutes(*, user) -> bool:
    """Only approvers (and superusers) publish minutes; organisers submit them for approval
    (minutes/services/workflow.py). Approvers are staff, so their staff rights count only with a
    second factor where one is required, as everyone else's."""
    if not is_staff(user):
        return False
    return user.is_superuser or user.groups.filter(name=APPROVERS).exists()
