"""Who runs a consultation's working group, and who may read its draft."""

from __future__ import annotations

from wagtail.permissions import page_permission_policy

from breakouts.permissions import is_staff

from .models import WorkingGroupMember


def can_manage_working_group(user, consultation) -> bool:
    """Staff who may edit the consultation (or add pages under it): they write the draft."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_any_permission_for_instance(user, ["add", "change"], consultation)


def is_working_group_member(user, consultation) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return WorkingGroupMember.objects.filter(consultation_id=consultation.pk, user_id=user.pk).exists()


def can_review_draft(user, consultation) -> bool:
    """Read the draft and comment on its questions: the consultation's own working group, and the staff
    who run it. Membership of another consultation's group gives nothing here."""
    return is_working_group_member(user, consultation) or can_manage_working_group(user, consultation)
