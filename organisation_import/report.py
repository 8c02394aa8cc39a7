"""A finished import's report as CSV (sakrad.spreadsheet): each row of the file, what happened and why."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sakrad.spreadsheet import spreadsheet_csv

from .planning import CREATE, MERGED, REJECTED, UNCHANGED, UPDATE


def action_labels() -> dict[str, str]:
    return {
        CREATE: pgettext("import action", "Created"),
        UPDATE: pgettext("import action", "Updated"),
        UNCHANGED: pgettext("import action", "Unchanged"),
        MERGED: pgettext("import action", "Merged"),
        REJECTED: pgettext("import action", "Not imported"),
    }


def report_csv(run) -> str:
    labels = action_labels()
    header = [
        _("Row in the file"),
        _("What happened"),
        pgettext("import report", "Organisation"),
        pgettext("import report", "Why"),
    ]
    rows = [[line, labels.get(action, action), name, why] for line, action, name, why in run.report]
    return spreadsheet_csv(header, rows)
