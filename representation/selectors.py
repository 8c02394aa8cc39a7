"""Reads for the representation overview: a fixed number of queries whatever the number of
consultations or invitations (one for the consultations, one for the invitation rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.db.models.functions import ExtractYear
from django.utils import timezone

from consultations.models import ConsultationPage
from invitations.models import Attendee, Invitation, InvitationStatus

from .build import build_figures
from .figures import Figures, InvitationRow


@dataclass(frozen=True)
class ConsultationLine:
    pk: int
    title: str
    date: dt.date
    live: bool


def years_with_consultations() -> list[tuple[int, int]]:
    """(year, number of consultations), latest first. One query."""
    years = ConsultationPage.objects.annotate(year=ExtractYear("date")).values_list("year", flat=True)
    counted: dict[int, int] = {}
    for year in years:
        counted[year] = counted.get(year, 0) + 1
    return sorted(counted.items(), reverse=True)


def consultations_in_year(year: int) -> list[ConsultationLine]:
    rows = (
        ConsultationPage.objects.filter(date__year=year)
        .order_by("date", "start_time", "pk")
        .values_list("pk", "title", "date", "live")
    )
    return [ConsultationLine(*row) for row in rows]


def invitation_rows(
    consultations: list[ConsultationLine], *, today: dt.date | None = None
) -> list[InvitationRow]:
    """One row per sent invitation to these consultations (an invitation on the list but never sent
    does not count as invited). One query."""
    today = today or timezone.localdate()
    dates = {line.pk: line.date for line in consultations}
    attendees = Attendee.objects.filter(invitation=OuterRef("pk"))
    rows = (
        Invitation.objects.filter(consultation_id__in=list(dates))
        .exclude(status=InvitationStatus.NOT_SENT)
        .annotate(
            has_attendee=Exists(attendees),
            has_checked_in=Exists(attendees.filter(checked_in_at__isnull=False)),
        )
        .values_list(
            "consultation_id",
            "organisation_id",
            "organisation__county",
            "organisation__kind",
            "status",
            "has_attendee",
            "has_checked_in",
        )
    )
    return [InvitationRow(*row, held=dates[row[0]] <= today) for row in rows.order_by()]


def figures_for(consultations: list[ConsultationLine]) -> Figures:
    return build_figures(invitation_rows(consultations) if consultations else [])


def consultation_line(consultation: ConsultationPage) -> ConsultationLine:
    return ConsultationLine(consultation.pk, consultation.title, consultation.date, consultation.live)
