"""Assigning a consultation's attendees to N new groups (replacing the groups' memberships)."""

from __future__ import annotations

from typing import Literal

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..dealing import AssignmentImpossible as PlanImpossible
from ..dealing import Person, assignment_plan
from ..log_actions import GROUPS_ASSIGN
from ..models import BreakoutGroup, GroupMembership
from ..selectors import assignable_people
from .groups import BreakoutError
from .notify import notify_groups


class AssignmentImpossible(BreakoutError):
    pass


@transaction.atomic
def groups_assign(
    *, consultation, n_groups: int, source: Literal["accepted", "checked_in"] = "accepted", user=None
) -> list[BreakoutGroup]:
    """Deals the attendees into n_groups groups: existing groups are reused in order, missing ones are
    created ("Group 1", ...), and every membership of the consultation is replaced."""
    if n_groups < 1:
        raise AssignmentImpossible(_("Choose at least one group."))
    people = [
        Person(key=account.pk, organisation=org.pk, kind=org.kind, county=org.county or "")
        for account, org in assignable_people(consultation=consultation, source=source)
    ]
    try:
        plan = assignment_plan(people, n_groups)
    except PlanImpossible as error:
        raise AssignmentImpossible(
            _(
                "An organisation has %(people)s attendees but there are only %(groups)s groups: "
                "choose at least %(people)s groups."
            )
            % {"people": error.people, "groups": error.groups}
        ) from error
    groups = list(BreakoutGroup.objects.filter(consultation=consultation).order_by("sort_order", "pk"))
    names = {group.name for group in groups}
    number = 1
    while len(groups) < n_groups:
        name = _("Group %(number)s") % {"number": number}
        number += 1
        if name not in names:
            groups.append(
                BreakoutGroup.objects.create(consultation=consultation, name=name, sort_order=len(groups))
            )
    previous = set(
        GroupMembership.objects.filter(consultation=consultation).values_list("group_id", flat=True)
    )
    GroupMembership.objects.filter(consultation=consultation).delete()
    GroupMembership.objects.bulk_create(
        GroupMembership(group=group, consultation=consultation, user_id=person.key)
        for group, members in zip(groups, plan, strict=False)
        for person in members
    )
    log(
        instance=consultation,
        action=GROUPS_ASSIGN,
        user=user,
        data={"groups": n_groups, "people": len(people), "source": source},
    )
    notify_groups(previous | {group.pk for group in groups}, "membership.changed")
    return groups[:n_groups]
