"""The staff who import, the register before the import, and the steps of the flow as a browser takes them."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from organisation_import.fields import guess_columns
from organisation_import.models import ImportRun
from organisations.models import Organisation
from staff_roles.groups import APPROVERS, ORGANISERS
from staff_roles.services import staff_groups_ensure
from tests.factories import OrganisationFactory, ThemeFactory, UserFactory
from tests.organisation_import.messy import EXISTING


@pytest.fixture
def staff(db) -> dict:
    groups = staff_groups_ensure()
    organiser = UserFactory(email="ordnare@example.org", first_name="Oskar", last_name="Ordnare")
    organiser.groups.add(groups[ORGANISERS])
    other_organiser = UserFactory(email="ordnare2@example.org")
    other_organiser.groups.add(groups[ORGANISERS])
    approver = UserFactory(email="godkannare@example.org")
    approver.groups.add(groups[APPROVERS])
    participant = UserFactory(
        email="deltagare@example.org",
        organisation=OrganisationFactory(name="Föreningen Deltagarna", kind="other", county="Z"),
    )
    return {
        "organiser": organiser,
        "other_organiser": other_organiser,
        "approver": approver,
        "participant": participant,
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def organiser_client(staff) -> Client:
    return client_for(staff["organiser"])


@pytest.fixture
def register(db) -> dict[str, Organisation]:
    """The register before the import, and the themes the file names."""
    ThemeFactory(name="Barn och unga", slug="barn-och-unga")
    ThemeFactory(name="Demokrati", slug="demokrati")
    return {
        name: Organisation.objects.create(
            name=name, organisation_number=number, kind=kind, county=county, website=website
        )
        for name, number, kind, county, website in EXISTING
    }


def upload(client, filename: str, data: bytes):
    return client.post(reverse("organisation_import:index"), {"file": SimpleUploadedFile(filename, data)})


def started(client, filename: str, data: bytes) -> ImportRun:
    response = upload(client, filename, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return ImportRun.objects.get(pk=int(re.search(r"/(\d+)/columns/", response["Location"])[1]))


def map_columns(client, run: ImportRun, columns: dict[str, str] | None = None):
    """Post the columns page as shown (its initial choices), with `columns` changed."""
    chosen = {**(run.columns or guess_columns(run.headers)), **(columns or {})}
    data = {f"column_{i}": chosen.get(header, "") for i, header in enumerate(run.headers)}
    response = client.post(reverse("organisation_import:columns", args=[run.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return response


ROW = re.compile(r'<tr data-line="(\d+)" data-action="(\w+)">(.*?)</tr>', re.S)


def preview_rows(client, run: ImportRun, query: str = "") -> dict[int, tuple[str, str]]:
    """line → (action, the row's text) as the preview shows them."""
    response = client.get(reverse("organisation_import:preview", args=[run.pk]) + query)
    assert response.status_code == 200
    return {int(line): (action, text) for line, action, text in ROW.findall(response.content.decode())}
