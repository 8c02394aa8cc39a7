"""Files as people have them: Excel's Swedish CSV, a UTF-8 CSV with a byte order mark, XLSX, blank
lines; and what is refused whole."""

import io
import zipfile

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from organisation_import.reading import MAX_UPLOAD_BYTES, UploadRefused, read_upload


@pytest.fixture(autouse=True)
def _english():
    """The messages are matched by their English msgids, whatever the translation says."""
    with translation.override("en"):
        yield


def read(name: str, data: bytes):
    return read_upload(SimpleUploadedFile(name, data))


def test_excel_swedish_csv_semicolons_and_windows_1252():
    table = read("lista.csv", "Namn;Län\r\nFöreningen Åsnan;Örebro län\r\n".encode("cp1252"))
    assert table.headers == ["Namn", "Län"]
    assert table.rows == [(2, ["Föreningen Åsnan", "Örebro län"])]
    assert table.file_format == "windows-1252"


def test_utf8_with_a_byte_order_mark_and_commas_and_blank_lines():
    data = '\ufeffNamn,Län\r\n\r\nFöreningen Ängen,"Skåne, län"\r\n,\r\nStiftelsen Ö,AB\r\n'.encode()
    table = read("lista.csv", data)
    assert table.headers == ["Namn", "Län"]
    assert table.rows == [(3, ["Föreningen Ängen", "Skåne, län"]), (5, ["Stiftelsen Ö", "AB"])]
    assert table.file_format == "utf-8"


def test_xlsx_reads_a_formula_as_its_text():
    workbook = openpyxl.Workbook()
    workbook.active.append(["Namn", "Antal"])
    workbook.active.append(["=1+1", 3.0])
    out = io.BytesIO()
    workbook.save(out)
    table = read("lista.xlsx", out.getvalue())
    assert table.rows == [(2, ["=1+1", "3"])]


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("bild.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a spreadsheet"),
        ("lista.xlsx", b"Namn;Lan\nA;B\n", "not a spreadsheet"),
        ("lista.csv", b"Namn;Lan\n", "no rows"),
        ("stor.csv", b"Namn;Lan\n" + b"A;B\n" * (MAX_UPLOAD_BYTES // 4), "larger than"),
        ("bred.csv", (";".join(f"K{i}" for i in range(60)) + "\nA\n").encode(), "more than 50 columns"),
    ],
)
def test_what_is_refused(name, data, says):
    with pytest.raises(UploadRefused, match=says):
        read(name, data)


def test_a_zip_that_is_no_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hej.txt", "hej")
    with pytest.raises(UploadRefused, match="not a spreadsheet"):
        read("lista.xlsx", out.getvalue())


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\x00" * (60 * 1024 * 1024))
    assert len(out.getvalue()) < MAX_UPLOAD_BYTES
    with pytest.raises(UploadRefused, match="unpacks"):
        read("lista.xlsx", out.getvalue())
