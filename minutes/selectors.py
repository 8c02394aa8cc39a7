"""Reads for compiling the minutes, each in a fixed number of queries whatever the number of points,
groups or attendees."""

from __future__ import annotations

from dataclasses import dataclass, field

from breakouts.models import NotePoint, NoteTaking
from invitations.models import Attendee, InvitationStatus
from organisations.models import Organisation


@dataclass
class QuestionNotes:
    """What the groups wrote under one question: plain text as typed, no group, no author."""

    takeaways: list[str] = field(default_factory=list)
    points: list[str] = field(default_factory=list)


def attended_organisations(*, consultation) -> list[Organisation]:
    """The organisations that attended: those with someone checked in on the day; if nobody was checked
    in (attendance not taken), those with named attendees on an accepted invitation. Two queries."""
    rows = Attendee.objects.filter(consultation=consultation).values_list(
        "invitation__organisation_id", "checked_in_at", "invitation__status"
    )
    rows = list(rows)
    checked_in = {organisation for organisation, checked_in_at, _status in rows if checked_in_at}
    chosen = checked_in or {
        organisation for organisation, _at, status in rows if status == InvitationStatus.ACCEPTED
    }
    if not chosen:
        return []
    return list(Organisation.objects.filter(pk__in=chosen).order_by("name", "pk"))


def note_points_by_question(*, consultation) -> dict[int | None, QuestionNotes]:
    """The final notes stored at closing, grouped by question number (None: no question), in group order
    then point order; empty points left out. One query, and only the fields the minutes may use."""
    rows = (
        NotePoint.objects.filter(group__consultation=consultation)
        .order_by("group__sort_order", "group_id", "order", "pk")
        .values_list("question_number", "text", "takeaway")
    )
    grouped: dict[int | None, QuestionNotes] = {}
    for number, text, takeaway in rows:
        text = (text or "").strip()
        if not text:
            continue
        notes = grouped.setdefault(number, QuestionNotes())
        (notes.takeaways if takeaway else notes.points).append(text)
    return grouped


def note_taking_for(*, consultation) -> NoteTaking | None:
    return NoteTaking.objects.filter(consultation=consultation).first()
