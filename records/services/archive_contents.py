"""What goes into the archive, read and formatted in the site's language: the files in their fixed order
and the manifest's header. The ZIP itself is made in records/zip_manifest.py."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from minutes.reading import minutes_page_details

from .. import selectors
from ..contents.follow_ups import follow_up_rows, follow_ups_json, follow_ups_text, takeaway_rows
from ..contents.invitations import invitations_csv
from ..contents.notes import group_slug, notes_json, notes_text
from ..pdf import minutes_pdfa
from ..zip_manifest import ArchiveFile

GENERATOR = "Sakråd records archive, format 1"


def iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def minutes_summary(minutes) -> dict:
    if minutes is None:
        note = _("No published minutes: the archive holds no minutes PDF and no follow-ups.")
        return {"included": False, "note": note}
    return {
        "included": True,
        "title": minutes.title,
        "url": minutes.get_full_url(),
        "published_at": iso(minutes.last_published_at or minutes.first_published_at),
        "revision": minutes.live_revision_id,
    }


def follow_up_files(minutes, details: dict, summary: dict) -> list[ArchiveFile]:
    rows = follow_up_rows(details["follow_ups"])
    header = {
        "minutes": minutes.title,
        "minutes_url": summary["url"],
        "takeaways": takeaway_rows(details["takeaways"]),
    }
    return [
        ArchiveFile("follow_ups.json", follow_ups_json(rows, header=header)),
        ArchiveFile("follow_ups.txt", follow_ups_text(rows, title=minutes.title)),
    ]


def notes_files(consultation, header: dict) -> list[ArchiveFile]:
    header = {**header, "closed_at": iso(selectors.notes_closed_at(consultation=consultation))}
    files = []
    for position, group in enumerate(selectors.group_notes(consultation=consultation), start=1):
        slug = group_slug(position, group.name)
        files.append(ArchiveFile(f"notes/{slug}.json", notes_json(group, header=header)))
        files.append(ArchiveFile(f"notes/{slug}.txt", notes_text(group, title=consultation.title)))
    return files


def archive_contents(consultation, record, moment) -> tuple[list[ArchiveFile], dict]:
    """The files (minutes PDF, invitations, notes, follow-ups) and the manifest's header."""
    header = {
        "consultation": consultation.title,
        "registry_number": record.registry_number if record else "",
        "date": consultation.date.isoformat(),
    }
    minutes = selectors.published_minutes(consultation=consultation)
    summary = minutes_summary(minutes)
    details = minutes_page_details(page=minutes) if minutes else {}
    invitations = selectors.invitation_rows(consultation=consultation)
    seats = consultation.seats_per_organisation
    files = [
        *([ArchiveFile("minutes.pdf", minutes_pdfa(minutes, details=details))] if minutes else []),
        ArchiveFile("invitations.csv", invitations_csv(invitations, seats_offered=seats)),
        *notes_files(consultation, header),
        *(follow_up_files(minutes, details, summary) if minutes else []),
    ]
    manifest = {
        **header,
        "consultation_url": consultation.get_full_url(),
        "start_time": consultation.start_time.isoformat(timespec="minutes"),
        "end_time": consultation.end_time.isoformat(timespec="minutes"),
        "ministry": consultation.ministry,
        "unit": consultation.unit,
        "minutes": summary,
        "invitations": len(invitations),
        "generated_at": iso(moment),
        "generator": GENERATOR,
    }
    return files, manifest
