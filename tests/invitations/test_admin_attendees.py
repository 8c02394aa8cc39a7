"""The day's list for organisers: CSV export (safe in a spreadsheet), the printable attendance list,
and checking people in from a phone."""

import csv
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from invitations.admin_views import attendees as attendee_views
from invitations.models import AccessNeed, Attendee, Invitation, InvitationStatus
from organisations.models import Organisation
from sakrad.spreadsheet import safe_cell
from tests.utils import html

pytestmark = pytest.mark.django_db


def url(name, consultation):
    return reverse(f"invitations_admin:{name}", args=[consultation.pk])


@pytest.fixture
def staff_client(client, organiser):
    client.force_login(organiser)
    return client


def coming(consultation, organisation_name, *people, status=InvitationStatus.ACCEPTED):
    organisation = Organisation.objects.create(name=organisation_name, kind="association")
    invitation = Invitation.objects.create(
        consultation=consultation, organisation=organisation, status=status, answered_at=timezone.now()
    )
    return [
        Attendee.objects.create(invitation=invitation, consultation=consultation, **person)
        for person in people
    ]


def rows_of(response) -> list[list[str]]:
    text = b"".join(response.streaming_content if response.streaming else [response.content]).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+46 70 123", "'+46 70 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("Anna = Lind", "Anna = Lind"),
        ("", ""),
        (None, ""),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_quoted(value, expected):
    assert safe_cell(value) == expected


def test_the_csv_lists_who_is_coming_with_needs_and_is_never_cached(staff_client, consultation):
    coming(
        consultation,
        "Föreningen Framtid",
        {
            "name": "Anna Lind",
            "email": "anna@example.org",
            "access_needs": ["interpreter"],
            "dietary_needs": "Vegan",
        },
    )
    coming(
        consultation,
        "Föreningen Väntar",
        {"name": "Ville Vänt", "email": "v@example.org"},
        status=InvitationStatus.WAITLISTED,
    )
    response = staff_client.get(url("export", consultation))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    header, *rows = rows_of(response)
    assert len(header) == 6  # organisation, name, email, access needs, dietary needs, checked in
    assert rows == [
        [
            "Föreningen Framtid",
            "Anna Lind",
            "anna@example.org",
            str(AccessNeed.INTERPRETER.label),
            "Vegan",
            "",
        ]
    ]


def test_the_csv_is_safe_against_formula_injection(staff_client, consultation):
    coming(
        consultation,
        "=cmd|' /C calc'!A0",
        {
            "name": "+SUM(1,2)",
            "email": "x@example.org",
            "access_needs_other": "x",
            "access_needs": ["other"],
            "dietary_needs": "@evil",
        },
        {"name": "-1", "email": "y@example.org", "dietary_needs": "\t=1"},
    )
    _, *rows = rows_of(staff_client.get(url("export", consultation)))
    cells = [cell for row in rows for cell in row if cell]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells), cells
    assert "'=cmd|' /C calc'!A0" in cells and "'+SUM(1,2)" in cells and "'@evil" in cells and "'-1" in cells


def test_needs_are_left_out_for_those_not_allowed_to_see_them(staff_client, consultation, monkeypatch):
    coming(
        consultation,
        "Föreningen Framtid",
        {"name": "Anna", "email": "a@example.org", "dietary_needs": "Vegan"},
    )
    monkeypatch.setattr(attendee_views, "can_view_attendee_needs", lambda **kwargs: False)
    header, *rows = rows_of(staff_client.get(url("export", consultation)))
    assert len(header) == 4 and "Vegan" not in str(rows)
    page = staff_client.get(url("attendance", consultation)).content.decode()
    assert "Vegan" not in page and "Anna" in page


def test_the_attendance_list_prints(staff_client, consultation):
    coming(
        consultation,
        "Föreningen Framtid",
        {"name": "Anna Lind", "email": "a@example.org", "dietary_needs": "Vegan"},
    )
    response = staff_client.get(url("attendance", consultation))
    assert "no-store" in response["Cache-Control"]
    page = html(response)
    assert page.find("link", rel="stylesheet")["href"].endswith("css/admin-invitations.css")
    cells = [cell.get_text(strip=True) for cell in page.select("tbody tr")[0].find_all(["th", "td"])]
    assert cells[:4] == ["Föreningen Framtid", "Anna Lind", "", "Vegan"]
    assert page.select_one(".inv-print__signature") is not None


def test_check_in_and_undo_without_javascript(staff_client, consultation):
    [anna, bo] = coming(
        consultation,
        "Föreningen Framtid",
        {"name": "Anna", "email": "a@example.org"},
        {"name": "Bo", "email": "b@example.org"},
    )
    page = html(staff_client.get(url("check_in", consultation)))
    assert len(page.select(".inv-person form button[type=submit]")) == 2
    response = staff_client.post(url("check_in", consultation), {"attendee": anna.pk, "present": "1"})
    assert response.status_code == 302
    assert response["Location"] == f"{url('check_in', consultation)}#attendee-{anna.pk}"
    anna.refresh_from_db()
    assert anna.checked_in_at is not None
    page = html(staff_client.get(url("check_in", consultation)))
    assert page.select_one(f"#attendee-{anna.pk} button")["aria-pressed"] == "true"
    assert page.select_one(f"#attendee-{bo.pk} button")["aria-pressed"] == "false"
    staff_client.post(url("check_in", consultation), {"attendee": anna.pk, "present": "0"})
    anna.refresh_from_db()
    assert anna.checked_in_at is None


def test_check_in_search_narrows_the_list_and_keeps_it(staff_client, consultation):
    [anna] = coming(consultation, "Föreningen Framtid", {"name": "Anna", "email": "a@example.org"})
    coming(consultation, "Stiftelsen Stöd", {"name": "Bo", "email": "b@example.org"})
    page = html(staff_client.get(url("check_in", consultation), {"q": "framtid"}))
    assert [node.get_text(strip=True) for node in page.select(".inv-person__name")] == ["Anna"]
    response = staff_client.post(
        url("check_in", consultation), {"attendee": anna.pk, "present": "1", "q": "framtid"}
    )
    assert response["Location"].endswith(f"?q=framtid#attendee-{anna.pk}")


def test_another_consultations_attendee_cannot_be_checked_in_here(staff_client, consultation):
    from . import factories

    other = factories.consultation()
    [stranger] = coming(other, "Föreningen Annan", {"name": "C", "email": "c@example.org"})
    assert (
        staff_client.post(
            url("check_in", consultation), {"attendee": stranger.pk, "present": "1"}
        ).status_code
        == 404
    )
