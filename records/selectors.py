"""Reads for the archive, each in a fixed number of queries whatever the number of invitations, groups
or points. Only the fields the registry gets are read: never attendees' names, emails or needs."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q

from breakouts.models import BreakoutGroup, NotePoint, NoteTaking
from invitations.models import Invitation
from minutes.models import MinutesPage

from .models import ConsultationRecord


@dataclass
class GroupNotes:
    name: str
    points: list[dict] = field(default_factory=list)


def record_for(*, consultation) -> ConsultationRecord | None:
    return ConsultationRecord.objects.select_related("archived_by").filter(consultation=consultation).first()


def published_minutes(*, consultation) -> MinutesPage | None:
    """The live minutes, as published: a page's own row and child rows change only when it is
    published, so a draft in progress never shows here. View-restricted minutes are still filed."""
    return MinutesPage.objects.child_of(consultation).live().first()


def invitation_rows(*, consultation) -> list[dict]:
    """One row per invitation with its answer and head counts; attendees are counted, never listed."""
    return list(
        Invitation.objects.filter(consultation=consultation)
        .order_by("organisation__name", "pk")
        .values(
            "organisation__name",
            "organisation__organisation_number",
            "organisation__kind",
            "organisation__county",
            "status",
            "sent_at",
            "answered_at",
        )
        .annotate(
            named_attendees=Count("attendees", distinct=True),
            checked_in=Count("attendees", filter=Q(attendees__checked_in_at__isnull=False), distinct=True),
        )
    )


def group_notes(*, consultation) -> list[GroupNotes]:
    """Every group, in the order staff gave them, with the final notes stored at closing (empty points
    left out). Two queries; a point has no author, so none can leak."""
    groups = BreakoutGroup.objects.filter(consultation=consultation).order_by("sort_order", "pk")
    by_id = {pk: GroupNotes(name=name) for pk, name in groups.values_list("pk", "name")}
    points = (
        NotePoint.objects.filter(group__consultation=consultation)
        .order_by("group_id", "question_number", "order", "pk")
        .values("group_id", "question_number", "order", "text", "takeaway")
    )
    for point in points:
        text = (point["text"] or "").strip()
        if text:
            by_id[point["group_id"]].points.append(
                {
                    "question_number": point["question_number"],
                    "order": point["order"],
                    "text": text,
                    "takeaway": point["takeaway"],
                }
            )
    return list(by_id.values())


def notes_closed_at(*, consultation):
    return NoteTaking.objects.filter(consultation=consultation).values_list("closed_at", flat=True).first()
