"""Reads: the columns to offer for a file, the runs to list, a run its viewer may open."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from organisations.models import Organisation

from .fields import guess_columns, header_key
from .models import ImportMapping, ImportRun


def columns_for(*, user, headers: list[str]) -> dict[str, str]:
    """This person's mapping of a file with these headers, else our guesses from the headers' words."""
    remembered = ImportMapping.objects.filter(user=user, header_key=header_key(headers)).first()
    if remembered is not None:
        return {header: remembered.columns.get(header, "") for header in headers}
    return guess_columns(headers)


def run_for(*, user, pk: int) -> ImportRun:
    """A finished run, for anyone who may import; an unconfirmed one (it holds the file's rows) only for
    who uploaded it. Otherwise 404."""
    run = ImportRun.objects.filter(pk=pk).first()
    if run is None or (run.status == ImportRun.Status.PENDING and run.started_by_id != user.pk):
        raise Http404
    return run


def recent_runs(limit: int = 10) -> QuerySet[ImportRun]:
    return ImportRun.objects.filter(status=ImportRun.Status.DONE).select_related("started_by")[:limit]


def organisations_filtered(*, kind: str = "", county: str = "", query: str = "") -> QuerySet[Organisation]:
    """The register as the admin's list filters it: by kind, county and words of the name."""
    organisations = Organisation.objects.order_by("name")
    if kind:
        organisations = organisations.filter(kind=kind)
    if county:
        organisations = organisations.filter(county=county)
    for word in query.split():
        organisations = organisations.filter(Q(name__icontains=word))
    return organisations
