"""Who may compile a consultation's minutes from its groups' notes."""

from __future__ import annotations

from wagtail.permissions import page_permission_policy

from breakouts.permissions import is_staff


def can_compile_minutes(user, consultation) -> bool:
    """Staff who may add pages under the consultation or edit it: compiling creates (or updates) the
    minutes draft as its child page."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_any_permission_for_instance(user, ["add", "change"], consultation)
