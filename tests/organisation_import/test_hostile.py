"""Hostile and broken uploads, through the screen: refused with a clear error, nothing saved."""

import io
import zipfile

import pytest
from django.utils import translation

from organisation_import.models import ImportRun
from organisation_import.reading import MAX_UPLOAD_BYTES, NOT_A_SPREADSHEET
from organisations.models import Organisation
from tests.organisation_import.conftest import upload

pytestmark = pytest.mark.django_db


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (80 * 1024 * 1024))
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bild.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        ("lista.xlsx", b"%PDF-1.7 not a workbook"),
        ("stor.csv", b"Namn;Typ\n" + b"Forening;Forening\n" * (MAX_UPLOAD_BYTES // 16)),
        ("bomb.xlsx", zip_bomb()),
    ],
    ids=["not-a-spreadsheet", "pdf-named-xlsx", "over-the-limit", "zip-bomb"],
)
def test_a_hostile_upload_is_refused_and_nothing_is_saved(organiser_client, name, data):
    organisations = Organisation.objects.count()
    response = upload(organiser_client, name, data)
    assert response.status_code == 400
    assert 'class="error-message"' in response.content.decode()
    assert not ImportRun.objects.exists()
    assert Organisation.objects.count() == organisations


def test_the_error_says_what_to_upload(organiser_client):
    response = upload(organiser_client, "bild.csv", b"\x00\x01\x02")
    with translation.override("sv"):
        assert str(NOT_A_SPREADSHEET) in response.content.decode()
