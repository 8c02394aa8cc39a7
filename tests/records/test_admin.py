"""The staff page: who may see it, the registry number form, the archive download, the command."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from records.models import ConsultationRecord
from tests.records.conftest import logged_in, read_zip

pytestmark = pytest.mark.django_db


def urls(consultation) -> dict[str, str]:
    return {
        name: reverse(f"records_admin:{name}", args=[consultation.pk])
        for name in ("consultation", "registry_number", "archive")
    }


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("organiser", 200),
        ("approver", 403),  # approves minutes, keeps no registry (docs/roles.md)
        ("superuser", 200),
        ("other_staff", 403),
        ("participant", 302),
        (None, 302),
    ],
)
def test_who_may_open_the_record_page(filed, people, who, status):
    client = logged_in(people[who]) if who else Client()
    response = client.get(urls(filed.consultation)["consultation"])
    assert response.status_code == status
    if status == 302:
        assert "/admin/login/" in response["Location"]


def test_the_page_shows_the_form_and_the_download(filed, people):
    response = logged_in(people["organiser"]).get(urls(filed.consultation)["consultation"])
    html = response.content.decode()
    assert 'name="registry_number"' in html
    assert urls(filed.consultation)["archive"] in html
    assert 'method="post"' in html


@pytest.mark.parametrize("name", ["registry_number", "archive"])
def test_the_actions_are_post_only(filed, people, name):
    response = logged_in(people["organiser"]).get(urls(filed.consultation)[name])
    assert response.status_code == 405


def test_saving_a_registry_number(filed, people):
    client = logged_in(people["organiser"])
    page = urls(filed.consultation)["consultation"]
    response = client.post(urls(filed.consultation)["registry_number"], {"registry_number": "Ku2025/01234"})
    assert response.status_code == 302 and response["Location"] == page
    assert filed.consultation.record.registry_number == "Ku2025/01234"
    assert 'value="Ku2025/01234"' in client.get(page).content.decode()


def test_a_malformed_number_is_shown_beside_the_field(filed, people):
    response = logged_in(people["organiser"]).post(
        urls(filed.consultation)["registry_number"], {"registry_number": "diarienummer"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ku2025/01234" in html
    assert 'aria-invalid="true"' in html or "error-message" in html
    assert not ConsultationRecord.objects.exclude(registry_number="").exists()


def test_staff_without_rights_can_neither_save_nor_download(filed, people):
    client = logged_in(people["other_staff"])
    assert (
        client.post(urls(filed.consultation)["registry_number"], {"registry_number": "Ku2025/1"}).status_code
        == 403
    )
    assert client.post(urls(filed.consultation)["archive"]).status_code == 403
    assert not ConsultationRecord.objects.exists()


def test_downloading_the_archive(filed, people, fake_pdf):
    client = logged_in(people["organiser"])
    client.post(urls(filed.consultation)["registry_number"], {"registry_number": "Ku2025/01234"})
    response = client.post(urls(filed.consultation)["archive"])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="Ku2025-01234.zip"' in response["Content-Disposition"]
    manifest = json.loads(read_zip(response.content)["manifest.json"])
    assert manifest["registry_number"] == "Ku2025/01234"
    page = client.get(urls(filed.consultation)["consultation"]).content.decode()
    assert "Oskar Ordnare" in page, "the page says who archived it last"


def test_the_management_command_writes_the_zip(filed, people, fake_pdf, tmp_path):
    out = io.StringIO()
    call_command("archive_export", str(filed.consultation.pk), "--out", str(tmp_path), stdout=out)
    [written] = list(tmp_path.iterdir())
    assert written.name == f"{filed.consultation.slug}.zip"
    assert "manifest.sha256" in read_zip(written.read_bytes())
    assert filed.consultation.record.archived_by is None


def test_the_consultation_menu_links_to_the_record_page(filed, people):
    edit = reverse("wagtailadmin_pages:edit", args=[filed.consultation.pk])
    link = urls(filed.consultation)["consultation"]
    assert link in logged_in(people["organiser"]).get(edit).content.decode()
    explore = reverse("wagtailadmin_explore", args=[filed.consultation.get_parent().pk])
    assert link not in logged_in(people["other_staff"]).get(explore).content.decode()
