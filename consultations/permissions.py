"""Who may do what with consultations beyond Wagtail's own page permissions."""

from __future__ import annotations

from wagtail.permissions import page_permission_policy

from invitations.permissions import can_manage_invitations
from sakrad.roles import is_staff


def can_duplicate_consultation(user, consultation) -> bool:
    """Staff who may add a page beside it: the copy is a new page under the same index."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_permission_for_instance(user, "add", consultation.get_parent())


def can_copy_invitation_list(user, consultation) -> bool:
    """The invitation list comes along only for those who may manage invitations: the copy is theirs
    to edit, so the model permission is what decides."""
    return can_manage_invitations(user=user, consultation=consultation)
