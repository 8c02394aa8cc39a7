"""The figures as CSV for Excel: UTF-8 with a byte order mark (so Excel reads å, ä and ö) and
semicolons between fields (Swedish Excel expects them, the comma being its decimal sign).

One row per county and kind, then each county's total, each kind's total and the grand total; the
code columns are empty on total rows, and the name column says "Total"."""

from __future__ import annotations

import csv
import io

from django.utils.translation import gettext as _

from .figures import Counts, Figures

BOM = "\ufeff"


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
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        [_("County code"), _("County"), _("Kind code"), _("Kind"), _("Invited"), _("Answered"), _("Attended")]
    )
    for county in figures.counties:
        for kind in figures.kinds:
            writer.writerow(_line(county, kind, figures.cell(county[0], kind[0])))
    for county in figures.counties:
        writer.writerow(_line(county, total, figures.county_totals[county[0]]))
    for kind in figures.kinds:
        writer.writerow(_line(total, kind, figures.kind_totals[kind[0]]))
    writer.writerow(_line(total, total, figures.total))
    return BOM + out.getvalue()
