"""The register out as CSV (the one spreadsheet module) and XLSX, filtered like the list, formulas
defused; and an export read back in changes nothing."""

import csv
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from organisation_import.fields import guess_columns
from organisation_import.services import import_run_map, import_run_preview, import_run_start
from organisations.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def listed(register):
    Organisation.objects.create(name="=cmd|'/C calc'!A0", kind="association", county="AB")
    Organisation.objects.create(
        name="Stiftelsen Östanvind",
        kind="foundation",
        county="AB",
        contact_emails="a@example.org\nb@example.org",
    )
    return register


def csv_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_csv_filtered_like_the_list(listed, organiser_client):
    url = reverse("organisation_import:export_csv")
    names = [
        row[0] for row in csv_rows(organiser_client.get(url, {"county": "AB", "kind": "association"}))[1:]
    ]
    assert names == ["'=cmd|'/C calc'!A0", "Stockholms Scoutdistrikt"]
    # Words of the name, in any case (SQLite folds the case of ASCII letters only).
    names = [row[0] for row in csv_rows(organiser_client.get(url, {"q": "STIFTELSEN Östan"}))[1:]]
    assert names == ["Stiftelsen Östanvind"]


def test_xlsx_holds_text_never_a_formula(listed, organiser_client):
    response = organiser_client.get(reverse("organisation_import:export_xlsx"), {"county": "AB"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = {row[0].value: row[0] for row in sheet.iter_rows(min_row=2)}
    assert set(cells) == {"'=cmd|'/C calc'!A0", "Stiftelsen Östanvind", "Stockholms Scoutdistrikt"}
    assert all(cell.data_type == "s" for cell in cells.values())


def test_an_export_read_back_changes_nothing(listed, organiser_client, staff):
    Organisation.objects.filter(name__startswith="=").delete()  # a formula is refused on the way in
    exported = organiser_client.get(reverse("organisation_import:export_csv")).content
    run = import_run_start(user=staff["organiser"], upload=SimpleUploadedFile("register.csv", exported))
    import_run_map(run=run, user=staff["organiser"], columns=guess_columns(run.headers))
    plan = import_run_preview(run=run)
    assert {row.action for row in plan.rows} == {"unchanged"}, [(r.line, r.reasons) for r in plan.rows]
