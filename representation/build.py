"""Turning invitation rows into Figures (see figures.py for what is counted)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from invitations.models import InvitationStatus
from organisations.choices import County, OrganisationKind

from .figures import ANSWERED, NO_COUNTY, NO_COUNTY_LABEL, Counts, Figures, InvitationRow


def attended_pairs(rows: list[InvitationRow]) -> set[tuple[int, int]]:
    """(consultation, organisation) pairs that attended. The published minutes are the record: where
    they list participating organisations, those attended (staff may have corrected what compiling
    found, and a meeting held before the site, such as the demo's 2024 one, has no check-in or named
    attendees at all). Otherwise as compiling counts them: someone checked in; where nobody at all was
    checked in, an accepted invitation naming someone, once the consultation is over."""
    recorded = {row.consultation_id for row in rows if row.minutes_list_organisations}
    check_in_taken = {row.consultation_id for row in rows if row.has_checked_in}
    pairs = set()
    for row in rows:
        if row.consultation_id in recorded:
            came = row.in_minutes
        elif row.consultation_id in check_in_taken:
            came = row.has_checked_in
        else:
            came = row.held and row.status == InvitationStatus.ACCEPTED and row.has_attendee
        if came:
            pairs.add((row.consultation_id, row.organisation_id))
    return pairs


class _Tally:
    """Sets of organisation ids per key: a cell, a county, a kind, a consultation, or everything."""

    def __init__(self, rows: list[InvitationRow]):
        there = attended_pairs(rows)
        self.invited, self.answered, self.attended = defaultdict(set), defaultdict(set), defaultdict(set)
        self.invited_to_held = defaultdict(set)  # only a consultation held can show who never came
        for row in rows:
            keys = ((row.county, row.kind), ("county", row.county), ("kind", row.kind))
            for key in (*keys, ("consultation", row.consultation_id), "all"):
                self.invited[key].add(row.organisation_id)
                if row.held:
                    self.invited_to_held[key].add(row.organisation_id)
                if row.status in ANSWERED:
                    self.answered[key].add(row.organisation_id)
                if (row.consultation_id, row.organisation_id) in there:
                    self.attended[key].add(row.organisation_id)

    def counts(self, key) -> Counts:
        return Counts(len(self.invited[key]), len(self.answered[key]), len(self.attended[key]))

    def never(self, prefix: str, choices) -> tuple[list, list]:
        """(never invited, invited to a consultation held but never attended) among `choices`."""
        return (
            [(code, label) for code, label in choices if not self.invited[(prefix, code)]],
            [
                (code, label)
                for code, label in choices
                if self.invited_to_held[(prefix, code)] and not self.attended[(prefix, code)]
            ],
        )


def build_figures(rows: Iterable[InvitationRow]) -> Figures:
    rows = list(rows)
    tally = _Tally(rows)
    counties = list(County.choices)
    if any(row.county == NO_COUNTY for row in rows):
        counties.append((NO_COUNTY, NO_COUNTY_LABEL))
    kinds = list(OrganisationKind.choices)
    never_invited_counties, never_attended_counties = tally.never("county", County.choices)
    never_invited_kinds, never_attended_kinds = tally.never("kind", kinds)
    return Figures(
        counties=counties,
        kinds=kinds,
        cells={(c, k): tally.counts((c, k)) for c, _ in counties for k, _ in kinds},
        county_totals={code: tally.counts(("county", code)) for code, _ in counties},
        kind_totals={code: tally.counts(("kind", code)) for code, _ in kinds},
        total=tally.counts("all"),
        by_consultation={
            row.consultation_id: tally.counts(("consultation", row.consultation_id)) for row in rows
        },
        never_invited_counties=never_invited_counties,
        never_attended_counties=never_attended_counties,
        never_invited_kinds=never_invited_kinds,
        never_attended_kinds=never_attended_kinds,
    )
