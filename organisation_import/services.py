"""Writes: starting an import from an upload, choosing its columns, and confirming it in one transaction."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .fields import FIELDS_BY_NAME, header_key
from .models import ImportMapping, ImportRun
from .planning import Plan, plan_import
from .reading import read_upload
from .selectors import columns_for

# An upload nobody confirms holds its rows (contact names and addresses) no longer than this.
PENDING_KEEP = dt.timedelta(days=1)


class ImportFailed(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@transaction.atomic
def import_run_start(*, user, upload) -> ImportRun:
    """Read the file (UploadRefused when it cannot be) and keep its rows until they are confirmed."""
    table = read_upload(upload)
    import_runs_expire()
    return ImportRun.objects.create(
        started_by=user,
        file_format=table.file_format,
        headers=table.headers,
        rows=[[line, cells] for line, cells in table.rows],
        columns=columns_for(user=user, headers=table.headers),
    )


def import_runs_expire(*, now=None) -> int:
    """Delete the uploads left unconfirmed for longer than PENDING_KEEP, rows and all."""
    cutoff = (now or timezone.now()) - PENDING_KEEP
    deleted, _counts = ImportRun.objects.filter(
        status=ImportRun.Status.PENDING, started_at__lt=cutoff
    ).delete()
    return deleted


@transaction.atomic
def import_run_map(*, run: ImportRun, user, columns: dict[str, str]) -> None:
    """Use `columns` (header → field, "" to ignore) for this run, and remember them for files like it."""
    columns = {header: columns.get(header, "") for header in run.headers}
    if any(name and name not in FIELDS_BY_NAME for name in columns.values()):
        raise ValueError("unknown field")
    run.columns = columns
    run.save(update_fields=["columns"])
    ImportMapping.objects.update_or_create(
        user=user, header_key=header_key(run.headers), defaults={"columns": columns}
    )


def import_run_preview(*, run: ImportRun, choices: dict[str, str] | None = None) -> Plan:
    """What confirming would do; writes nothing."""
    plan, _result = plan_import(
        rows=run.rows, headers=run.headers, columns=run.columns, choices=choices or {}
    )
    return plan


@transaction.atomic
def import_run_confirm(*, run: ImportRun, choices: dict[str, str]) -> ImportRun:
    """Carry out the plan as it stands now: every row or, on any error, none (ImportFailed). Then forget the
    file's rows and keep the counts and the report."""
    run = ImportRun.objects.select_for_update().filter(pk=run.pk, status=ImportRun.Status.PENDING).first()
    if run is None:
        raise ImportFailed(_("This import has already been confirmed."))
    plan, result = plan_import(
        rows=run.rows, headers=run.headers, columns=run.columns, choices=choices, confirm=True
    )
    if result.has_errors():
        # Raising rolls back the organisations saved so far with the rest of this transaction.
        line = next((row.line for row in plan.rows if "" in row.errors), None)
        if line is None:
            raise ImportFailed(_("Nothing was imported: the register could not be saved."))
        raise ImportFailed(format_lazy(_("Nothing was imported: row {line} could not be saved."), line=line))
    run.status = ImportRun.Status.DONE
    run.finished_at = timezone.now()
    run.counts = plan.counts
    run.report = [
        [row.line, row.action, row.name, " ".join(str(reason) for reason in row.reasons)] for row in plan.rows
    ]
    run.rows = []
    run.save()
    return run
