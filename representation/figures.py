"""The representation figures, built in Python from one row per invitation: no queries here.

Counts are of distinct organisations. An organisation has one county and one kind, so the cells of
a county add up to the county's total and the totals add up to the grand total."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from invitations.models import InvitationStatus

ANSWERED = frozenset({InvitationStatus.ACCEPTED, InvitationStatus.DECLINED, InvitationStatus.WAITLISTED})
NO_COUNTY = ""
NO_COUNTY_LABEL = _("No county given")


@dataclass(frozen=True)
class InvitationRow:
    """One sent invitation, as the selector reads it."""

    consultation_id: int
    organisation_id: int
    county: str
    kind: str
    status: str
    has_attendee: bool  # someone is named on it
    has_checked_in: bool  # someone on it was checked in on the day
    held: bool  # the consultation is over: only then can anyone have attended
    in_minutes: bool = False  # the published minutes list the organisation as participating
    minutes_list_organisations: bool = False  # the consultation's published minutes list any


@dataclass(frozen=True)
class Counts:
    invited: int = 0
    answered: int = 0
    attended: int = 0


@dataclass
class Figures:
    counties: list[tuple[str, str]]  # table rows: (code, label); NO_COUNTY last when present
    kinds: list[tuple[str, str]]  # table columns
    cells: dict[tuple[str, str], Counts]
    county_totals: dict[str, Counts]
    kind_totals: dict[str, Counts]
    total: Counts
    by_consultation: dict[int, Counts] = field(default_factory=dict)
    never_invited_counties: list[tuple[str, str]] = field(default_factory=list)
    never_attended_counties: list[tuple[str, str]] = field(default_factory=list)  # invited, never there
    never_invited_kinds: list[tuple[str, str]] = field(default_factory=list)
    never_attended_kinds: list[tuple[str, str]] = field(default_factory=list)

    def cell(self, county: str, kind: str) -> Counts:
        return self.cells.get((county, kind), Counts())
