"""What the overview page shows, shaped from Figures: table rows and the two charts."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .charts import Chart, bar_chart
from .figures import Counts, Figures


@dataclass(frozen=True)
class TableRow:
    code: str
    label: str
    cells: list[Counts]
    total: Counts
    never_invited: bool
    never_attended: bool  # invited, but nobody came


def table_rows(figures: Figures) -> list[TableRow]:
    never_invited = {code for code, _label in figures.never_invited_counties}
    never_attended = {code for code, _label in figures.never_attended_counties}
    return [
        TableRow(
            code=code,
            label=str(label),
            cells=[figures.cell(code, kind) for kind, _kind_label in figures.kinds],
            total=figures.county_totals[code],
            never_invited=code in never_invited,
            never_attended=code in never_attended,
        )
        for code, label in figures.counties
    ]


def charts(figures: Figures) -> list[Chart]:
    note = _("The table above holds the same figures.")
    return [
        bar_chart(
            chart_id="chart-kinds",
            title=_("Organisations by kind"),
            description=f"{_('Invited, answered and attended organisations for each kind.')} {note}",
            items=[(label, figures.kind_totals[code]) for code, label in figures.kinds],
        ),
        bar_chart(
            chart_id="chart-counties",
            title=_("Organisations by county"),
            description=f"{_('Invited, answered and attended organisations for each county.')} {note}",
            items=[(label, figures.county_totals[code]) for code, label in figures.counties],
        ),
    ]


def overview_context(figures: Figures) -> dict:
    return {
        "figures": figures,
        "kinds": [(code, str(label)) for code, label in figures.kinds],
        "kind_totals": [figures.kind_totals[code] for code, _label in figures.kinds],
        "rows": table_rows(figures),
        "charts": charts(figures),
        "never_invited_kinds": {code for code, _label in figures.never_invited_kinds},
        "never_attended_kinds": {code for code, _label in figures.never_attended_kinds},
    }
