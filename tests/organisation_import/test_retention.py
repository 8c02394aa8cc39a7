"""An upload nobody confirms keeps its rows (contact names and addresses) a day at most; a confirmed
run keeps only its counts and report."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from organisation_import.models import ImportRun

pytestmark = pytest.mark.django_db


def test_the_daily_command_deletes_unconfirmed_uploads_older_than_a_day(staff):
    now = timezone.now()
    rows = [[2, ["Föreningen Ängen", "anna.svensson@example.org"]]]
    old = ImportRun.objects.create(
        started_by=staff["organiser"], started_at=now - dt.timedelta(days=2), rows=rows
    )
    fresh = ImportRun.objects.create(
        started_by=staff["organiser"], started_at=now - dt.timedelta(hours=2), rows=rows
    )
    done = ImportRun.objects.create(
        started_by=staff["organiser"], started_at=now - dt.timedelta(days=30), status=ImportRun.Status.DONE
    )
    out = StringIO()
    call_command("erase_import_uploads", stdout=out)
    assert set(ImportRun.objects.values_list("pk", flat=True)) == {fresh.pk, done.pk}
    assert not ImportRun.objects.filter(pk=old.pk).exists()
    assert "1" in out.getvalue()
