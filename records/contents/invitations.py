"""invitations.csv: who was invited and how they answered. Organisations are legal persons; the people
they sent are only counted, and their needs never leave the event (privacy/inventory.py)."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from invitations.models import InvitationStatus
from organisations.choices import County, OrganisationKind
from sakrad.spreadsheet import spreadsheet_csv


def _label(choices, value) -> str:
    return str(dict(choices.choices).get(value, value or ""))


def _moment(value) -> str:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else ""


def invitations_csv(rows: list[dict], *, seats_offered: int) -> bytes:
    header = [
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
    lines = [
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
        for row in rows
    ]
    # The registry opens it in a spreadsheet (sakrad/spreadsheet.py).
    return spreadsheet_csv(header, lines).encode("utf-8")
