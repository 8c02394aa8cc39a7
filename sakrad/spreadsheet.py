"""CSV for a spreadsheet, made one way for every export (attendees, representation, the archive).

- UTF-8 with a byte order mark, so Excel reads å, ä and ö;
- semicolons between fields: Swedish Excel expects them, the comma being its decimal sign;
- no cell a spreadsheet can run: names and needs are typed by outsiders (the RSVP form), and a cell
  starting with one of FORMULA_STARTS is read as a formula (OWASP "CSV injection"), so it gets a
  leading single quote, which makes the program show it as text.
"""

import csv
import io
from collections.abc import Iterable

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def spreadsheet_csv(header: Iterable, rows: Iterable[Iterable]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in (header, *rows):
        writer.writerow([safe_cell(value) for value in row])
    return BOM + out.getvalue()
