"""Who may set a consultation's open-input period and moderate its answers."""

from __future__ import annotations

from sakrad.roles import staff_may

# Moderating the answers (and setting the period); the organisers hold it (staff_roles/groups.py).
MANAGE_PERMISSION = "open_input.change_inputanswer"


def can_moderate_open_input(*, user, consultation) -> bool:
    """Organisers who may add pages under the consultation or edit it: the answers end up in its minutes."""
    return staff_may(user=user, permission=MANAGE_PERMISSION, page=consultation)
