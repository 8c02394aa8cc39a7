"""Cells for a spreadsheet that a spreadsheet cannot run.

Names, needs and organisation names are typed by outsiders (the RSVP form). A cell starting with
one of these characters is read by Excel/LibreOffice as a formula (OWASP "CSV injection"), so it is
prefixed with a single quote, which makes the program show it as text.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def safe_row(values) -> list[str]:
    return [safe_cell(value) for value in values]
