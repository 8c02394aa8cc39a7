"""A register as ministries really keep one: 1,000 rows typed over the years, Swedish names, counties
and kinds written every which way, a few duplicates, blank lines, mistakes, and cells a spreadsheet would
run. The same rows are written as Excel's Swedish CSV (semicolons, Windows-1252), as a UTF-8 CSV with a
byte order mark and commas, and as XLSX. `Expected` says what the preview must find, worked out by hand."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass

import openpyxl

from organisations.numbers import luhn_digit

HEADERS = ["Namn", "Organisationsnummer", "Typ", "Län", "Webbplats", "E-post", "Teman", "Kontaktperson"]
LETTERS = "abcdefghijklmnoprstuvyåäö"
KINDS = ["Förening", "ideell förening", "association", "Stiftelse", "Foundation", "Kommun", "Myndighet"]
COUNTIES = [
    "Stockholms län",
    "Stockholm",
    "AB",
    "Västra Götalands län",
    "Skåne",
    "M",
    "Jönköpings län",
    "Norrbotten",
    "Gävleborgs län",
    "ac",
]
TOTAL = 1000

# The register before the import: matched by number, alike by name, and one the file repeats as it is.
EXISTING = [
    # name, number, kind, county, website
    ("Stockholms Scoutdistrikt", "802000-0017", "association", "AB", "https://scout.example.org"),
    ("Föreningen Älvdalens Vänner", "", "association", "W", ""),
    ("Göteborgs Roddklubb", "802000-0058", "association", "O", "https://rodd.example.org"),
]


@dataclass(frozen=True)
class Expected:
    counts: dict[str, int]
    lines: dict[str, int]  # what → the line of the row in the CSV files


def organisation_number(rng: random.Random, taken: set[str]) -> str:
    while True:
        digits = "802" + "".join(rng.choice("0123456789") for _ in range(6))
        check = luhn_digit(digits)
        number = f"{digits[:6]}-{digits[6:]}{check}"
        if number not in taken and all(number != row[1] for row in EXISTING):
            taken.add(number)
            return number


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(6, 9))).capitalize()


def _bad_check_digit(rng, taken) -> str:
    number = organisation_number(rng, taken)
    return number[:-1] + str((int(number[-1]) + 1) % 10)


def rows() -> tuple[list[list[str]], list[str]]:
    """(the data rows, where each goes: "fresh", or a named case)."""
    rng = random.Random(22)
    taken: set[str] = set()
    cases: list[tuple[str, list[str]]] = [
        (
            "update_by_number",
            [
                "Stockholms Scoutdistrikt",
                "802000-0017",
                "Förening",
                "Stockholms län",
                "scouterna.example.org",
                "kansli@scout.example.org",
                "",
                "",
            ],
        ),
        (
            "unchanged",
            ["Göteborgs Roddklubb", "8020000058", "association", "O", "https://rodd.example.org", "", "", ""],
        ),
        ("alike_existing", ["Föreningen Älvdalen Vänner", "", "Förening", "Dalarnas län", "", "", "", ""]),
    ]
    twin_number = organisation_number(rng, taken)
    cases += [
        ("number_first", ["Kulturhuset Bäckahästen", twin_number, "Förening", "Skåne län", "", "", "", ""]),
        (
            "number_twin",
            [
                "Kulturhuset Bäckahästen ideell förening",
                twin_number,
                "Förening",
                "M",
                "",
                "info@backahasten.example.org",
                "",
                "",
            ],
        ),
        ("name_first", ["Kulturföreningen Regnbågen i Malmö", "", "Förening", "M", "", "", "", ""]),
        ("name_twin", ["Kulturföreningen Regnbågen Malmö", "", "Förening", "M", "", "", "", ""]),
        ("unknown_county", ["Öresundsföreningen Ljus", "", "Förening", "Atlantis län", "", "", "", ""]),
        ("unknown_kind", ["Sällskapet Gökotta", "", "Sällskap", "AB", "", "", "", ""]),
        ("bad_email", ["Föreningen Nattugglan", "", "Förening", "AB", "", "info@@nattugglan", "", ""]),
        (
            "bad_check_digit",
            ["Stiftelsen Skärgårdsljus", _bad_check_digit(rng, taken), "Stiftelse", "AB", "", "", "", ""],
        ),
        ("formula", ['=HYPERLINK("http://evil.example","klicka")', "", "Förening", "AB", "", "", "", ""]),
        ("formula_cell", ["Föreningen Räknestickan", "", "Förening", "+1+1", "", "", "", ""]),
    ]
    fresh = []
    for position in range(TOTAL - len(cases)):
        name = f"{_word(rng)} {_word(rng)}"
        number = organisation_number(rng, taken) if position % 3 else ""
        themes = (
            "Barn och unga; Demokrati" if position % 5 == 0 else ("Demokrati" if position % 7 == 0 else "")
        )
        fresh.append(
            [
                name,
                number,
                KINDS[position % len(KINDS)],
                COUNTIES[position % len(COUNTIES)],
                f"www.{name.split()[0].lower()}.example.org" if position % 2 else "",
                f"info@org{position}.example.org, kansli@org{position}.example.org"
                if position % 4 == 0
                else f"info@org{position}.example.org",
                themes,
                "Åsa Öberg" if position % 6 == 0 else "",
            ]
        )
    ordered, kinds = [], []
    # The cases spread through the file, each after the rows it refers to.
    for position, row in enumerate(fresh):
        ordered.append(row)
        kinds.append("fresh")
        if position % 75 == 10 and cases:
            kind, case_row = cases.pop(0)
            ordered.append(case_row)
            kinds.append(kind)
    assert not cases and len(ordered) == TOTAL
    return ordered, kinds


def _lines() -> tuple[list[list[str]], list[str], dict[str, int]]:
    """The rows with a blank line after every 100th, and each case's line in the CSV (header is line 1)."""
    data, kinds = rows()
    out, line, lines = [], 1, {}
    for position, (row, kind) in enumerate(zip(data, kinds, strict=True)):
        out.append(row)
        line += 1
        if kind != "fresh":
            lines[kind] = line
        if position % 100 == 99:
            out.append([])
            line += 1
    return out, kinds, lines


def expected() -> Expected:
    _rows, kinds, lines = _lines()
    fresh = kinds.count("fresh")
    return Expected(
        counts={
            # the fresh rows, and the first of each pair of twins
            "create": fresh + 2,
            # by number, and into the organisation of a name alike
            "update": 2,
            "unchanged": 1,
            # each twin into the first
            "merged": 2,
            "rejected": 6,
        },
        lines=lines,
    )


def csv_bytes(*, delimiter: str, encoding: str) -> bytes:
    lines, _kinds, _ = _lines()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in lines:
        writer.writerow(row)
    return out.getvalue().encode(encoding)


def xlsx_bytes() -> bytes:
    lines, _kinds, _ = _lines()
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in lines:
        # An empty row in a sheet is a row with no cells; openpyxl needs one value to move down.
        sheet.append(row or [None])
    # A real formula, typed into the sheet: it must be read as its text and refused, never run.
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


FILES = {
    "excel-csv-cp1252": lambda: ("register.csv", csv_bytes(delimiter=";", encoding="cp1252")),
    "utf8-bom-csv": lambda: ("register.csv", csv_bytes(delimiter=",", encoding="utf-8-sig")),
    "xlsx": lambda: ("register.xlsx", xlsx_bytes()),
}
