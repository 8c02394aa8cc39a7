"""Who may do what in the register. Reading and following are open to anyone, without an account
(the takeaway must be one the register lists: outcomes/selectors.py); staff set statuses, units and
follow-ups on the minutes' own screen (minutes.permissions.can_follow_up)."""

from __future__ import annotations


def can_follow(*, user, takeaway) -> bool:
    """Anyone, signed in or not: following needs only an address, confirmed from the mail."""
    return takeaway is not None
