"""The figures as CSV for Excel (sakrad/spreadsheet.py: byte order mark, semicolons).

One row per county and kind, then each county's total, each kind's total and the grand total; the
code columns are empty on total rows, and the name column says "Total"."""

from __future__ import annotations

from django.utils.translation import gettext as _

from sakrad.spreadsheet import spreadsheet_csv

from .figures import Counts, Figures


def _line(county: tuple[str, str], kind: tuple[str, str], counts: Counts) -> list:
    return [
        county[0],
        str(county[1]),
        kind[0],
        str(kind[1]),
        counts.invited,
        counts.answered,
        counts.attended,
    ]


def figures_csv(figures: Figures) -> str:
    total = ("", _("Total"))
    header = [
        _("County code"), _("County"), _("Kind code"), _("Kind"), _("Invited"), _("Answered"), _("Attended")
    ]
    rows = [
        _line(county, kind, figures.cell(county[0], kind[0]))
        for county in figures.counties
        for kind in figures.kinds
    ]
    rows += [_line(county, total, figures.county_totals[county[0]]) for county in figures.counties]
    rows += [_line(total, kind, figures.kind_totals[kind[0]]) for kind in figures.kinds]
    rows.append(_line(total, total, figures.total))
    return spreadsheet_csv(header, rows)
