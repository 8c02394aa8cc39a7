"""invitations.csv: who was invited and how they answered. Organisations are legal persons; the people
they sent are only counted, and their needs never leave the event (privacy/inventory.py)."""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from invitations.models import InvitationStatus
from organisations.choices import County, OrganisationKind


def _label(choices, value) -> str:
    return str(dict(choices.choices).get(value, value or ""))


def _moment(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def invitations_csv(rows: list[dict], *, seats_offered: int) -> bytes:
    out = io.StringIO()
    # The registry opens it in a spreadsheet: a byte order mark makes Excel read UTF-8 (å, ä, ö).
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(
        [
            _("Organisation"),
            _("Organisation number"),
            _("Kind"),
            _("County"),
            _("Status"),
            _("Invitation sent"),
            _("Answered"),
            _("Seats offered"),
            _("Named attendees"),
            _("Checked in"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                row["organisation__name"],
                row["organisation__organisation_number"] or "",
                _label(OrganisationKind, row["organisation__kind"]),
                _label(County, row["organisation__county"]),
                _label(InvitationStatus, row["status"]),
                _moment(row["sent_at"]),
                _moment(row["answered_at"]),
                seats_offered,
                row["named_attendees"],
                row["checked_in"],
            ]
        )
    return out.getvalue().encode("utf-8-sig")
