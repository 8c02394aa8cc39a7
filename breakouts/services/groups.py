"""Creating groups and moving people between them, by hand (staff in the admin) or by the assignment."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import GROUP_CREATE, MEMBER_ADD, MEMBER_MOVE, MEMBER_REMOVE
from ..models import BreakoutGroup, GroupMembership
from .notify import notify_groups


class BreakoutError(ValidationError):
    pass


@transaction.atomic
def breakout_group_create(
    *, consultation, name: str, user=None, facilitator=None, note_taker=None, questions=(), sort_order=None
) -> BreakoutGroup:
    if sort_order is None:
        sort_order = BreakoutGroup.objects.filter(consultation=consultation).count()
    group = BreakoutGroup.objects.create(
        consultation=consultation,
        name=name,
        facilitator=facilitator,
        note_taker=note_taker,
        sort_order=sort_order,
    )
    group.questions.set(questions)
    log(instance=group, action=GROUP_CREATE, user=user, data={"name": name})
    return group


@transaction.atomic
def group_member_add(*, group: BreakoutGroup, person, user=None) -> GroupMembership:
    """Adds a person; someone already in another group of the consultation is refused (use move)."""
    existing = GroupMembership.objects.filter(consultation_id=group.consultation_id, user=person).first()
    if existing is not None:
        raise BreakoutError(
            _("%(user)s is already in group %(group)s.") % {"user": person, "group": existing.group}
        )
    membership = GroupMembership.objects.create(
        group=group, consultation_id=group.consultation_id, user=person
    )
    log(instance=group, action=MEMBER_ADD, user=user, data={"user_id": person.pk})
    notify_groups([group.pk], "membership.changed")
    return membership


@transaction.atomic
def group_member_move(*, person, to_group: BreakoutGroup, user=None) -> GroupMembership:
    membership = (
        GroupMembership.objects.select_for_update()
        .filter(consultation_id=to_group.consultation_id, user=person)
        .first()
    )
    if membership is None:
        return group_member_add(group=to_group, person=person, user=user)
    from_group_id = membership.group_id
    membership.group = to_group
    membership.save(update_fields=["group"])
    log(instance=to_group, action=MEMBER_MOVE, user=user, data={"user_id": person.pk, "from": from_group_id})
    # The old group's sockets of this person must close at once.
    notify_groups([from_group_id, to_group.pk], "membership.changed")
    return membership


@transaction.atomic
def group_member_remove(*, group: BreakoutGroup, person, user=None) -> None:
    deleted, _count = GroupMembership.objects.filter(group=group, user=person).delete()
    if deleted:
        log(instance=group, action=MEMBER_REMOVE, user=user, data={"user_id": person.pk})
        notify_groups([group.pk], "membership.changed")
