"""Reads of breakout groups, for the group page, the plenary wall, the admin and the notes consumer."""

from __future__ import annotations

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.models import User
from consultations.models import ConsultationPage
from invitations.models import Attendee, Invitation, InvitationStatus
from notes.schema import points_read
from notes.services import note_document_load

from .models import BreakoutGroup, GroupMembership, NotePoint, NoteTaking


def group_for_user(*, user, consultation) -> BreakoutGroup | None:
    """The group a participant is in at this consultation, if any."""
    if not (user and user.is_authenticated):
        return None
    membership = (
        GroupMembership.objects.select_related("group").filter(consultation=consultation, user=user).first()
    )
    return membership.group if membership else None


def groups_for_consultation(consultation) -> QuerySet[BreakoutGroup]:
    return (
        BreakoutGroup.objects.filter(consultation=consultation)
        .select_related("facilitator", "note_taker")
        .prefetch_related("questions", "memberships__user__organisation")
    )


def group_get(*, group_id: int) -> BreakoutGroup | None:
    return BreakoutGroup.objects.filter(pk=group_id).first()


def group_question_numbers(*, group_id: int) -> frozenset[int]:
    """The question numbers a point of this group's notes may name: its consultation's."""
    numbers = BreakoutGroup.objects.filter(pk=group_id).values_list(
        "consultation__questions__number", flat=True
    )
    return frozenset(number for number in numbers if number is not None)


def group_questions(group: BreakoutGroup) -> list:
    """The group's discussion questions in page order; none chosen means all of them."""
    chosen = list(group.questions.all())
    if chosen:
        return sorted(chosen, key=lambda question: (question.sort_order or 0, question.number))
    return list(group.consultation.questions.all())


def group_members(group: BreakoutGroup) -> list:
    return [membership.user for membership in group.memberships.select_related("user__organisation")]


def groups_have_members(*, consultation) -> bool:
    """Whether dealing the groups anew would undo anything."""
    return GroupMembership.objects.filter(group__consultation=consultation).exists()


def is_group_member(*, user, group: BreakoutGroup) -> bool:
    return GroupMembership.objects.filter(group=group, user=user).exists()


def note_taking_get(*, consultation_id: int) -> NoteTaking | None:
    return NoteTaking.objects.filter(consultation_id=consultation_id).first()


def note_taking_is_open(*, consultation_id: int) -> bool:
    note_taking = note_taking_get(consultation_id=consultation_id)
    return note_taking is not None and note_taking.is_open


def live_note_points(group: BreakoutGroup) -> list[NotePoint]:
    """The group's points as the log has them now, as unsaved NotePoint objects."""
    doc, _seq = note_document_load(group_id=group.pk)
    return [
        NotePoint(
            group=group,
            point_id=point.id,
            question_number=point.question,
            text=point.text,
            takeaway=point.takeaway,
            order=point.order,
        )
        for point in points_read(doc)
    ]


def _note_taking_closed(consultation_id: int) -> bool:
    note_taking = note_taking_get(consultation_id=consultation_id)
    return note_taking is not None and note_taking.closed_at is not None


def note_points_current(group: BreakoutGroup, *, closed: bool | None = None) -> list[NotePoint]:
    """The stored rows once note-taking has closed, else the live notes read from the log (the
    truth), so a page rendered without JavaScript shows what the sockets would."""
    if closed is None:
        closed = _note_taking_closed(group.consultation_id)
    return list(group.note_points.all()) if closed else live_note_points(group)


def takeaways_for_consultation(consultation) -> dict[BreakoutGroup, list[NotePoint]]:
    """Each group's takeaways, in group order (a wall page then follows the sockets for changes)."""
    closed = _note_taking_closed(consultation.pk)
    return {
        group: [point for point in note_points_current(group, closed=closed) if point.takeaway]
        for group in groups_for_consultation(consultation)
    }


def assignable_people(*, consultation, source: str = "accepted") -> list[tuple]:
    """(user, organisation) of the consultation's attendees with an account: named attendees of accepted
    invitations ("checked_in": only those checked in). Without attendee rows, the accounts of
    organisations with an accepted invitation."""
    attendees = Attendee.objects.filter(
        consultation=consultation,
        invitation__status=InvitationStatus.ACCEPTED,
        user__isnull=False,
        user__is_active=True,
    ).select_related("user", "invitation__organisation")
    if source == "checked_in":
        attendees = attendees.filter(checked_in_at__isnull=False)
    pairs = [(attendee.user, attendee.invitation.organisation) for attendee in attendees.order_by("user_id")]
    if pairs or source == "checked_in":
        return pairs
    organisations = Invitation.objects.filter(
        consultation=consultation, status=InvitationStatus.ACCEPTED
    ).values("organisation")
    users = User.objects.filter(organisation__in=organisations, is_active=True).select_related("organisation")
    return [(user, user.organisation) for user in users.order_by("pk")]


def in_the_room(user, consultation: OuterRef | None = None) -> Q:
    """Whether `user` takes part in the consultation's plenary (votes, asks the panel): named for an
    accepted invitation, checked in or remote (attendance is no condition: the remote are never checked
    in), or in one of its groups; where no one is named at all, the people of the organisations with an
    accepted invitation, as the groups are dealt (`assignable_people`). A filter on rows with
    `consultation_id` (or give the consultation's reference)."""
    if not (user and user.is_authenticated and user.is_active):
        return Q(pk__in=[])
    consultation = consultation if consultation is not None else OuterRef("consultation_id")
    named = Attendee.objects.filter(
        consultation_id=consultation, user=user, invitation__status=InvitationStatus.ACCEPTED
    )
    member = GroupMembership.objects.filter(consultation_id=consultation, user=user)
    taking_part = Q(Exists(named)) | Q(Exists(member))
    if user.organisation_id:
        nobody_named = ~Exists(Attendee.objects.filter(consultation_id=consultation))
        accepted = Invitation.objects.filter(
            consultation_id=consultation,
            status=InvitationStatus.ACCEPTED,
            organisation_id=user.organisation_id,
        )
        taking_part |= Q(nobody_named) & Q(Exists(accepted))
    return taking_part


def takes_part_in_plenary(*, user, consultation) -> bool:
    """`in_the_room` for one consultation: one query."""
    one = ConsultationPage.objects.filter(pk=consultation.pk)
    return one.filter(in_the_room(user, OuterRef("pk"))).exists()


def groups_note_taking_open_sql(*, group_ids: list[int]) -> tuple[str, list]:
    """The query of which of these groups take notes now: the notes log runs it on every commit,
    under its locks, on its own connection (notes/services/append.py)."""
    quote = connection.ops.quote_name
    taking, group = quote(NoteTaking._meta.db_table), quote(BreakoutGroup._meta.db_table)
    marks = ", ".join(["%s"] * len(group_ids))
    sql = (
        f"SELECT {group}.id FROM {taking} JOIN {group} ON {group}.consultation_id = {taking}.consultation_id "  # noqa: S608
        f"WHERE {group}.id IN ({marks}) AND {taking}.opened_at IS NOT NULL AND {taking}.closed_at IS NULL"
    )
    return sql, list(group_ids)
