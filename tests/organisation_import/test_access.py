"""Only organisers import and export; an approver gets a real 403 and a participant the login, and
neither leaves anything behind. An upload waiting for its confirm is its uploader's alone."""

import pytest
from django.urls import reverse

from organisation_import.models import ImportRun
from tests.organisation_import.conftest import client_for, started, upload

pytestmark = pytest.mark.django_db
CSV = "Namn;Typ\nFöreningen Ängen;Förening\n".encode()
SCREENS = ["organisation_import:index", "organisation_import:export_csv", "organisation_import:export_xlsx"]


@pytest.mark.parametrize("name", SCREENS)
def test_organisers_may(staff, name):
    assert client_for(staff["organiser"]).get(reverse(name)).status_code == 200


@pytest.mark.parametrize(("role", "status"), [("approver", 403), ("participant", 302)])
@pytest.mark.parametrize("name", SCREENS)
def test_others_may_not(staff, role, status, name):
    assert client_for(staff[role]).get(reverse(name)).status_code == status


@pytest.mark.parametrize(("role", "status"), [("approver", 403), ("participant", 302)])
def test_others_cannot_upload(staff, role, status):
    response = upload(client_for(staff[role]), "lista.csv", CSV)
    assert response.status_code == status
    if status == 302:
        assert "login" in response["Location"]
    assert not ImportRun.objects.exists()


def test_an_upload_waiting_for_its_confirm_is_its_uploaders(staff):
    run = started(client_for(staff["organiser"]), "lista.csv", CSV)
    other = client_for(staff["other_organiser"])
    for name in ("columns", "preview", "run", "report"):
        assert other.get(reverse(f"organisation_import:{name}", args=[run.pk])).status_code == 404, name
    assert other.post(reverse("organisation_import:preview", args=[run.pk])).status_code == 404
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PENDING


def test_an_approver_cannot_confirm_an_organisers_upload(staff):
    run = started(client_for(staff["organiser"]), "lista.csv", CSV)
    response = client_for(staff["approver"]).post(reverse("organisation_import:preview", args=[run.pk]))
    assert response.status_code == 403
    run.refresh_from_db()
    assert run.status == ImportRun.Status.PENDING


def test_the_menu_offers_the_screen_to_organisers_only(staff):
    url = reverse("organisation_import:index")
    dashboard = reverse("wagtailadmin_home")
    assert url in client_for(staff["organiser"]).get(dashboard).content.decode()
    assert url not in client_for(staff["approver"]).get(dashboard).content.decode()
