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
from minutes.models import MinutesPage

from .build import build_figures
from .figures import Figures, InvitationRow


@dataclass(frozen=True)
class ConsultationLine:
    pk: int
    title: str
    date: dt.date
    live: bool
    end_time: dt.time | None = None  # None: the whole day

    def held(self, now: dt.datetime) -> bool:
        """Over by `now` (as a consultation's status says, consultations/status.py): only then can
        anyone have attended. A consultation later today has not been held yet."""
        local = timezone.localtime(now)
        return (self.date, self.end_time or dt.time.max) <= (local.date(), local.time())


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
        .values_list("pk", "title", "date", "live", "end_time")
    )
    return [ConsultationLine(*row) for row in rows]


def _in_published_minutes():
    """Rows of the live minutes' list of participating organisations of the outer invitation's
    consultation (its child page)."""
    through = MinutesPage.participating_organisations.through
    return through.objects.filter(
        minutespage__live=True,
        minutespage__path__startswith=OuterRef("consultation__path"),
        minutespage__depth=OuterRef("consultation__depth") + 1,
    )


def invitation_rows(
    consultations: list[ConsultationLine], *, today: dt.date | None = None, now: dt.datetime | None = None
) -> list[InvitationRow]:
    """One row per sent invitation to these consultations (an invitation on the list but never sent
    does not count as invited), with what its consultation's published minutes record. One query.
    `today` counts a consultation of that date as held; `now` (default: now) compares its end."""
    if now is None:
        now = timezone.make_aware(dt.datetime.combine(today, dt.time.max)) if today else timezone.now()
    lines = {line.pk: line for line in consultations}
    attendees = Attendee.objects.filter(invitation=OuterRef("pk"))
    in_minutes = _in_published_minutes()
    rows = (
        Invitation.objects.filter(consultation_id__in=list(lines))
        .exclude(status=InvitationStatus.NOT_SENT)
        .annotate(
            has_attendee=Exists(attendees),
            has_checked_in=Exists(attendees.filter(checked_in_at__isnull=False)),
            in_minutes=Exists(in_minutes.filter(organisation_id=OuterRef("organisation_id"))),
            minutes_list_organisations=Exists(in_minutes),
        )
        .values_list(
            "consultation_id",
            "organisation_id",
            "organisation__county",
            "organisation__kind",
            "status",
            "has_attendee",
            "has_checked_in",
            "in_minutes",
            "minutes_list_organisations",
        )
    )
    return [
        InvitationRow(
            *row[:7], held=lines[row[0]].held(now), in_minutes=row[7], minutes_list_organisations=row[8]
        )
        for row in rows.order_by()
    ]


def figures_for(consultations: list[ConsultationLine]) -> Figures:
    return build_figures(invitation_rows(consultations) if consultations else [])


def consultation_line(consultation: ConsultationPage) -> ConsultationLine:
    return ConsultationLine(
        consultation.pk, consultation.title, consultation.date, consultation.live, consultation.end_time
    )
