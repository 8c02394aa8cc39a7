"""Groups by hand and by assignment, note-taking open and close, and who may do what."""

from __future__ import annotations

import pytest
from django.utils import translation
from pycrdt import Array, Doc, Map, Text
from wagtail.models import ModelLogEntry, PageLogEntry

from breakouts import log_actions
from breakouts.models import GroupMembership, NotePoint
from breakouts.permissions import can_edit_notes, can_run_plenary, can_view_group
from breakouts.selectors import group_for_user, groups_for_consultation, takeaways_for_consultation
from breakouts.services import (
    AssignmentImpossible,
    BreakoutError,
    breakout_group_create,
    group_member_add,
    group_member_move,
    group_member_remove,
    groups_assign,
    note_taking_close,
    note_taking_open,
)
from invitations.models import InvitationStatus
from notes.services import note_update_append
from tests.factories import OrganisationFactory, UserFactory


def test_one_group_per_person_per_consultation(consultation):
    first = breakout_group_create(consultation=consultation, name="A")
    second = breakout_group_create(consultation=consultation, name="B")
    user = UserFactory()
    group_member_add(group=first, person=user)
    with pytest.raises(BreakoutError):
        group_member_add(group=second, person=user)
    group_member_move(person=user, to_group=second)
    assert group_for_user(user=user, consultation=consultation) == second
    group_member_remove(group=second, person=user)
    assert group_for_user(user=user, consultation=consultation) is None
    assert ModelLogEntry.objects.filter(action=log_actions.MEMBER_MOVE).exists()


def test_assign_deals_attendees_into_groups(consultation, attend):
    big = OrganisationFactory()
    people = [attend(big), attend(big), *[attend() for _ in range(5)]]
    attend(status=InvitationStatus.DECLINED)  # not coming: not assigned
    with translation.override("en"):
        groups = groups_assign(consultation=consultation, n_groups=2)

    assert [group.name for group in groups] == ["Group 1", "Group 2"]
    memberships = GroupMembership.objects.filter(consultation=consultation)
    assert sorted(m.user_id for m in memberships) == sorted(p.pk for p in people)
    assert {m.group_id for m in memberships if m.user.organisation == big} == {g.pk for g in groups}
    sizes = sorted(group.memberships.count() for group in groups)
    assert sizes == [3, 4]
    assert PageLogEntry.objects.filter(action=log_actions.GROUPS_ASSIGN).exists()
    # Run again: the same groups are reused and memberships replaced, not added to.
    assert groups_assign(consultation=consultation, n_groups=2) == groups
    assert GroupMembership.objects.filter(consultation=consultation).count() == len(people)


def test_assign_only_checked_in(consultation, attend):
    here = [attend(checked_in=True) for _ in range(3)]
    attend(checked_in=False)
    groups_assign(consultation=consultation, n_groups=2, source="checked_in")
    assigned = set(GroupMembership.objects.values_list("user_id", flat=True))
    assert assigned == {user.pk for user in here}


def test_assign_refuses_clearly_when_an_organisation_is_too_big(consultation, attend):
    big = OrganisationFactory()
    for _ in range(3):
        attend(big)
    with (
        translation.override("en"),
        pytest.raises(AssignmentImpossible, match="3 attendees but there are only 2"),
    ):
        groups_assign(consultation=consultation, n_groups=2)
    assert not GroupMembership.objects.exists()


def test_assign_falls_back_to_accounts_of_accepted_organisations(consultation):
    from invitations.models import Invitation

    organisation = OrganisationFactory()
    Invitation.objects.create(consultation=consultation, organisation=organisation, status="accepted")
    users = [UserFactory(organisation=organisation) for _ in range(2)]
    groups_assign(consultation=consultation, n_groups=2)
    assert set(GroupMembership.objects.values_list("user_id", flat=True)) == {u.pk for u in users}


def _points_update(rows=None) -> bytes:
    doc = Doc()
    points = doc.get("points", type=Array)
    rows = rows or [(1, "Långsiktighet", True), (2, "Enkelt språk", False), (1, "Unga", False)]
    with doc.transaction():
        for question, text, takeaway in rows:
            points.append(Map({"id": text, "question": question, "text": Text(text), "takeaway": takeaway}))
    return doc.get_update()


def test_closing_stores_each_groups_points(consultation):
    group = breakout_group_create(consultation=consultation, name="A")
    note_taking_open(consultation=consultation)
    note_update_append(group_id=group.pk, update=_points_update(), author_id=None)
    live = takeaways_for_consultation(consultation)[group]
    assert [(p.text, p.pk) for p in live] == [("Långsiktighet", None)], "read live from the log"
    note_taking_close(consultation=consultation)

    rows = list(NotePoint.objects.filter(group=group).order_by("order"))
    assert [(r.question_number, r.text, r.takeaway, r.order) for r in rows] == [
        (1, "Långsiktighet", True, 0),
        (2, "Enkelt språk", False, 1),
        (1, "Unga", False, 2),
    ]
    assert [p.text for p in takeaways_for_consultation(consultation)[group]] == ["Långsiktighet"]
    # Closing twice (after a reopen) replaces the rows rather than adding to them.
    note_taking_open(consultation=consultation)
    note_taking_close(consultation=consultation)
    assert NotePoint.objects.filter(group=group).count() == 3


def test_a_point_with_an_impossible_question_number_is_kept_without_one(consultation):
    """A buggy or hostile client's question number must not fail the closing for every group."""
    group = breakout_group_create(consultation=consultation, name="A")
    note_taking_open(consultation=consultation)
    rows = [(-1, "Negativ", False), (10**12, "Stor", True), ("två", "Text", False), (2, "Rätt", False)]
    note_update_append(group_id=group.pk, update=_points_update(rows), author_id=None)
    note_taking_close(consultation=consultation)
    stored = NotePoint.objects.filter(group=group).order_by("order")
    assert [(r.text, r.question_number) for r in stored] == [
        ("Negativ", None),
        ("Stor", None),
        ("Text", None),
        ("Rätt", 2),
    ]


def test_permissions(consultation):
    from accounts.models import User

    group = breakout_group_create(consultation=consultation, name="A")
    member, outsider = UserFactory(), UserFactory()
    group_member_add(group=group, person=member)
    staff = User.objects.create_superuser(email="chef@example.org", password="x-Lösenord-123456")

    assert can_view_group(user=member, group=group) and can_view_group(user=staff, group=group)
    assert not can_view_group(user=outsider, group=group)
    assert not can_edit_notes(user=member, group=group), "note-taking not open yet"
    note_taking_open(consultation=consultation)
    assert can_edit_notes(user=member, group=group) and can_edit_notes(user=staff, group=group)
    assert not can_edit_notes(user=outsider, group=group)
    note_taking_close(consultation=consultation)
    assert not can_edit_notes(user=member, group=group) and can_view_group(user=member, group=group)
    assert can_run_plenary(user=staff, consultation=consultation)
    assert not can_run_plenary(user=member, consultation=consultation)
    assert list(groups_for_consultation(consultation)) == [group]
