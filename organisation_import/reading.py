"""An uploaded file as a table of text cells: XLSX through openpyxl, CSV as Swedish Excel saves it.

CSV: semicolons or commas (whichever the header line uses), with or without a byte order mark, UTF-8 or
else Windows-1252 (Excel's "CSV" on a Swedish Windows). Blank lines are skipped; each row keeps the line
number the file shows, so staff can find it. Anything else, or anything too big, is refused whole."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass

import openpyxl
from django.template.defaultfilters import filesizeformat
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024  # an XLSX's parts, unpacked: a zip bomb stops here
MAX_ROWS = 5000
MAX_COLUMNS = 50
MAX_LINES = 4 * MAX_ROWS  # an XLSX's rows read at most, blank ones included
ZIP_MAGIC = b"PK\x03\x04"


class UploadRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


NOT_A_SPREADSHEET = _("This is not a spreadsheet we can read. Upload a CSV file or an Excel file (.xlsx).")


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (the line number in the file, its cells)
    file_format: str  # "xlsx", or the CSV's encoding


def read_upload(upload) -> Table:
    if upload.size > MAX_UPLOAD_BYTES:
        raise UploadRefused(
            format_lazy(
                _("The file is larger than {limit}. Split it into smaller files."),
                limit=filesizeformat(MAX_UPLOAD_BYTES),
            )
        )
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if data.startswith(ZIP_MAGIC):
        return _table(_xlsx_lines(data), "xlsx")
    if upload.name.lower().endswith((".xlsx", ".xlsm", ".xls", ".ods")) or b"\x00" in data:
        raise UploadRefused(NOT_A_SPREADSHEET)
    text, encoding = _decode(data)
    try:
        return _table(_csv_lines(text), encoding)
    except csv.Error as error:  # a cell over the csv module's limit, an unclosed quote at the end
        raise UploadRefused(NOT_A_SPREADSHEET) from error


def _decode(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        # Windows-1252 leaves five bytes undefined; a stray one must not refuse a whole register.
        return data.decode("cp1252", errors="replace"), "windows-1252"


def _csv_lines(text: str):
    header = next((line for line in text.split("\n") if line.strip()), "")
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    # newline="": a quoted cell may hold a line break, as Excel writes one typed with Alt+Enter.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for row in reader:
        yield reader.line_num, row


def _xlsx_lines(data: bytes):
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as error:
        raise UploadRefused(NOT_A_SPREADSHEET) from error
    if unpacked > MAX_UNZIPPED_BYTES:
        raise UploadRefused(
            _(
                "This file unpacks to far more than a register of organisations would. "
                "Save it again from Excel and upload that."
            )
        )
    try:
        # Not data_only: a formula is read as its text and refused, never its cached result trusted.
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        sheet = workbook.worksheets[0]
        for number, values in enumerate(
            sheet.iter_rows(max_col=MAX_COLUMNS + 1, max_row=MAX_LINES, values_only=True), start=1
        ):
            yield number, [_xlsx_text(value) for value in values]
        workbook.close()
    except UploadRefused:
        raise
    except Exception as error:  # openpyxl raises many kinds on a file that is not a workbook
        raise UploadRefused(NOT_A_SPREADSHEET) from error


def _xlsx_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _clean(cell: str) -> str:
    return cell.replace("\u00a0", " ").strip()


def _table(lines, file_format: str) -> Table:
    headers: list[str] | None = None
    rows = []
    for number, raw in lines:
        cells = [_clean(cell) for cell in raw]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        if len(cells) > MAX_COLUMNS:
            raise UploadRefused(format_lazy(_("The file has more than {limit} columns."), limit=MAX_COLUMNS))
        if headers is None:
            headers = _unique_headers(cells)
            continue
        if len(rows) == MAX_ROWS:
            raise UploadRefused(
                format_lazy(
                    _("The file has more than {limit} rows. Split it into smaller files."), limit=MAX_ROWS
                )
            )
        rows.append((number, (cells + [""] * len(headers))[: len(headers)]))
    if headers is None or not rows:
        raise UploadRefused(_("The file has no rows below its header row."))
    return Table(headers=headers, rows=rows, file_format=file_format)


def _unique_headers(cells: list[str]) -> list[str]:
    headers: list[str] = []
    for position, cell in enumerate(cells, start=1):
        header = cell or format_lazy(_("Column {number}"), number=position)
        header = str(header)
        while header in headers:
            header = f"{header} ({position})"
        headers.append(header)
    return headers
