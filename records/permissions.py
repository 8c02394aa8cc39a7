"""Who may file a consultation with the registry: set its registry number and export its archive."""

from __future__ import annotations

from wagtail.permissions import page_permission_policy

from breakouts.permissions import is_staff


def can_manage_records(user, consultation) -> bool:
    """Staff who may edit the consultation or add pages under it: the organisers who hand it over."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_any_permission_for_instance(user, ["add", "change"], consultation)
