"""The messy register of 1,000 rows, from upload to report: the preview (counts and the cells' errors),
the one confirm, the re-import that changes nothing, and the report. Each encoding and XLSX previews the
same; the confirm runs on one of them."""

from __future__ import annotations

import csv
import io
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import translation

from organisation_import.fields import FIELDS_BY_NAME
from organisation_import.models import ImportMapping, ImportRun
from organisations.models import Organisation
from tests.organisation_import.conftest import map_columns, preview_rows, started
from tests.organisation_import.messy import FILES, expected, rows

pytestmark = pytest.mark.django_db


def label(name: str) -> str:
    return str(FIELDS_BY_NAME[name].label)


def snapshot() -> list[tuple]:
    fields = [name for name in FIELDS_BY_NAME if name != "themes"]
    return [
        (*values, tuple(sorted(theme.name for theme in organisation.themes.all())))
        for organisation in Organisation.objects.order_by("pk").prefetch_related("themes")
        for values in [tuple(getattr(organisation, name) for name in fields)]
    ]


@pytest.mark.parametrize("file_kind", list(FILES))
def test_the_preview_of_a_messy_register(register, organiser_client, file_kind):
    before = snapshot()
    run = started(organiser_client, *FILES[file_kind]())
    assert (
        run.file_format
        == {"excel-csv-cp1252": "windows-1252", "utf8-bom-csv": "utf-8", "xlsx": "xlsx"}[file_kind]
    )
    map_columns(organiser_client, run)
    shown = preview_rows(organiser_client, run)
    want = expected()

    assert len(shown) == 1000  # the blank lines are not rows
    assert Counter(action for action, _text in shown.values()) == {k: v for k, v in want.counts.items() if v}
    lines = want.lines
    # Each mistake is named in its own cell, with the field it is in.
    for case, field in [
        ("unknown_county", "county"),
        ("unknown_kind", "kind"),
        ("bad_email", "contact_emails"),
        ("bad_check_digit", "organisation_number"),
        ("formula", "name"),
        ("formula_cell", "county"),
    ]:
        action, text = shown[lines[case]]
        assert action == "rejected", case
        assert label(field) in text and "data-cell-error" in text, case
    assert shown[lines["update_by_number"]][0] == "update"
    assert shown[lines["alike_existing"]][0] == "update"
    assert f'data-duplicate="{lines["alike_existing"]}"' in shown[lines["alike_existing"]][1]
    assert shown[lines["unchanged"]][0] == "unchanged"
    assert shown[lines["number_twin"]][0] == shown[lines["name_twin"]][0] == "merged"
    assert "Kulturföreningen Regnbågen i Malmö" in shown[lines["name_first"]][1]
    # A formula is shown as text, never as markup or a link.
    assert "=HYPERLINK(&quot;http://evil.example&quot;" in shown[lines["formula"]][1]
    # Nothing is saved before the confirm.
    assert snapshot() == before


def test_confirm_then_the_same_file_again_changes_nothing_and_the_report(register, organiser_client, staff):
    filename, data = FILES["utf8-bom-csv"]()
    want = expected()
    run = started(organiser_client, filename, data)
    # The contact person's column is left out this time: the choice is remembered for the next file.
    map_columns(organiser_client, run, {"Kontaktperson": ""})
    response = organiser_client.post(reverse("organisation_import:preview", args=[run.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "organisation_import:run", args=[run.pk]
    )

    run.refresh_from_db()
    assert run.status == ImportRun.Status.DONE and run.counts == want.counts
    assert run.rows == []  # the file's rows are not kept
    assert Organisation.objects.count() == 3 + 1 + want.counts["create"]  # the participant's own, too
    scouts = Organisation.objects.get(organisation_number="802000-0017")
    assert (
        scouts.website == "https://scouterna.example.org"
        and scouts.contact_emails == "kansli@scout.example.org"
    )
    alike = register["Föreningen Älvdalens Vänner"]
    alike.refresh_from_db()
    assert alike.name == "Föreningen Älvdalen Vänner"  # merged into, not added beside
    assert (
        Organisation.objects.get(name="Kulturhuset Bäckahästen").contact_emails
        == "info@backahasten.example.org"
    )
    assert not Organisation.objects.filter(name="Kulturhuset Bäckahästen ideell förening").exists()
    assert not Organisation.objects.filter(name__startswith="=").exists()
    assert not Organisation.objects.exclude(contact_name="").exists()
    first_with_themes = next(row for row in rows()[0] if row[6] == "Barn och unga; Demokrati")
    organisation = Organisation.objects.get(name=first_with_themes[0])
    assert sorted(theme.name for theme in organisation.themes.all()) == ["Barn och unga", "Demokrati"]
    assert Organisation.objects.get(name="Kulturföreningen Regnbågen i Malmö").county == "M"
    assert ImportMapping.objects.filter(user=staff["organiser"]).count() == 1

    # The report: every row of the file, what happened and why, through the one spreadsheet module.
    report = organiser_client.get(reverse("organisation_import:report", args=[run.pk]))
    assert report.status_code == 200 and report["Content-Type"].startswith("text/csv")
    text = report.content.decode("utf-8")
    assert text.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert len(table) == 1 + 1000
    by_line = {int(row[0]): row for row in table[1:]}
    assert by_line[want.lines["formula"]][2].startswith("'=HYPERLINK")  # written as text, never run
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in table for cell in row)
    with translation.override("sv"):
        assert label("county") in by_line[want.lines["unknown_county"]][3]

    # The same file again: the remembered columns, and nothing changes.
    before = snapshot()
    again = started(organiser_client, filename, data)
    assert again.columns["Kontaktperson"] == "" and again.columns["Län"] == "county"
    map_columns(organiser_client, again)
    shown = preview_rows(organiser_client, again)
    assert Counter(action for action, _text in shown.values()) == {
        "unchanged": want.counts["create"] + want.counts["update"] + want.counts["unchanged"],
        "merged": 2,
        "rejected": 6,
    }
    organiser_client.post(reverse("organisation_import:preview", args=[again.pk]))
    again.refresh_from_db()
    assert again.status == ImportRun.Status.DONE and again.counts["create"] == again.counts["update"] == 0
    assert snapshot() == before
