"""Naming and removing the members of a consultation's working group (staff only)."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from sakrad.roles import holds_staff_role

from ..log_actions import MEMBER_ADD, MEMBER_REMOVE
from ..models import WorkingGroupMember
from ..permissions import can_manage_working_group
from .errors import WorkingGroupError
from .notify import member_added_notify


def _require_manager(*, user, consultation) -> None:
    if not can_manage_working_group(user=user, consultation=consultation):
        raise PermissionDenied(_("You may not change this consultation's working group."))


@transaction.atomic
def working_group_member_add(*, consultation, email: str, user) -> WorkingGroupMember:
    """Adds the holder of an existing participant account; the member is emailed a link once saved."""
    _require_manager(user=user, consultation=consultation)
    person = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None or not email.strip():
        raise WorkingGroupError(_("No account with that email address."), code=WorkingGroupError.NO_ACCOUNT)
    # What the account is, not whether its staff rights count yet (they wait for a second factor).
    if holds_staff_role(person):
        raise WorkingGroupError(
            _("That account belongs to staff, who see the draft already."),
            code=WorkingGroupError.STAFF_ACCOUNT,
        )
    member, created = WorkingGroupMember.objects.get_or_create(
        consultation=consultation, user=person, defaults={"added_by": user}
    )
    if not created:
        raise WorkingGroupError(
            _("That person is in the working group already."), code=WorkingGroupError.ALREADY_MEMBER
        )
    data = {"user_id": person.pk, "member_id": member.pk}
    log(instance=consultation, action=MEMBER_ADD, user=user, data=data)
    member_added_notify(member=member)
    return member


@transaction.atomic
def working_group_member_remove(*, member: WorkingGroupMember, user) -> None:
    """Access ends at once: every view checks membership on each request."""
    consultation = member.consultation
    _require_manager(user=user, consultation=consultation)
    user_id = member.user_id
    member.delete()
    log(instance=consultation, action=MEMBER_REMOVE, user=user, data={"user_id": user_id})
