"""The register as a spreadsheet: CSV through sakrad.spreadsheet, XLSX through openpyxl. One row per
organisation, one column per importable field, written as the import reads it back (labels, names)."""

from __future__ import annotations

import io

import openpyxl
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from sakrad.spreadsheet import safe_cell, spreadsheet_csv

from .fields import FIELDS


def _cell(organisation, name: str):
    if name == "themes":
        return ", ".join(theme.name for theme in organisation.themes.all())
    if name in ("kind", "county"):
        return getattr(organisation, f"get_{name}_display")()
    if name == "contact_emails":
        return ", ".join(organisation.contact_email_list)
    value = getattr(organisation, name)
    if isinstance(value, bool):
        return pgettext("spreadsheet cell", "yes") if value else pgettext("spreadsheet cell", "no")
    return value


def register_table(organisations) -> tuple[list[str], list[list]]:
    if any(field.name == "themes" for field in FIELDS):
        organisations = organisations.prefetch_related("themes")
    header = [str(field.label) for field in FIELDS]
    return header, [[_cell(organisation, field.name) for field in FIELDS] for organisation in organisations]


def register_csv(organisations) -> str:
    return spreadsheet_csv(*register_table(organisations))


def register_xlsx(organisations) -> bytes:
    header, rows = register_table(organisations)
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Organisations"))
    # openpyxl stores a text starting with "=" as a formula: the same guard as the CSV's.
    for row in (header, *rows):
        sheet.append([safe_cell(value) for value in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
