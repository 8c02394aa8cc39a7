"""Who may set a consultation's open-input period and moderate its answers."""

from __future__ import annotations

from wagtail.permissions import page_permission_policy

from breakouts.permissions import is_staff


def can_moderate_open_input(user, consultation) -> bool:
    """Staff who may add pages under the consultation or edit it: the answers end up in its minutes."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_any_permission_for_instance(user, ["add", "change"], consultation)
