"""The preview reads the register a fixed number of times, however long the file."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisation_import.fields import guess_columns
from organisation_import.services import import_run_map, import_run_preview, import_run_start
from tests.organisation_import.messy import csv_bytes

pytestmark = pytest.mark.django_db


def preview_queries(user, data: bytes) -> tuple[int, int]:
    run = import_run_start(user=user, upload=SimpleUploadedFile("lista.csv", data))
    import_run_map(run=run, user=user, columns=guess_columns(run.headers))
    with CaptureQueriesContext(connection) as queries:
        plan = import_run_preview(run=run)
    return len(queries), len(plan.rows)


def test_ten_rows_and_a_thousand_cost_the_same_queries(register, staff):
    data = csv_bytes(delimiter=";", encoding="cp1252")
    lines = data.split(b"\r\n")
    few, few_rows = preview_queries(staff["organiser"], b"\r\n".join(lines[:11]) + b"\r\n")
    many, many_rows = preview_queries(staff["organiser"], data)
    assert (few_rows, many_rows) == (10, 1000)
    # The themes, the register and its themes; the rest are import-export's savepoints, a fixed few.
    assert few == many <= 12
