"""Who runs a consultation's working group, and who may read its draft."""

from __future__ import annotations

from sakrad.roles import staff_may

from .models import WorkingGroupMember

# Members, comments and the draft's review; the organisers hold it (staff_roles/groups.py).
MANAGE_PERMISSION = "working_groups.change_workinggroupmember"


def can_manage_working_group(*, user, consultation) -> bool:
    """Organisers who may edit the consultation (or add pages under it): they write the draft and run its
    working group."""
    return staff_may(user=user, permission=MANAGE_PERMISSION, page=consultation)


def is_working_group_member(*, user, consultation) -> bool:
    if not (user and user.is_authenticated and user.is_active):
        return False
    return WorkingGroupMember.objects.filter(consultation_id=consultation.pk, user_id=user.pk).exists()


def can_review_draft(*, user, consultation) -> bool:
    """Read the draft and comment on its questions: the consultation's own working group, and the staff
    who run it. Membership of another consultation's group gives nothing here."""
    return is_working_group_member(user=user, consultation=consultation) or can_manage_working_group(
        user=user, consultation=consultation
    )
