"""Reads for the staff screens: the requests staff may see, and the organisations a request may
duplicate. The register is read once, whatever the number of requests."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from organisations.models import Organisation
from organisations.names import SIMILAR, normalise_name, similarity

from .models import JoinRequest, JoinRequestStatus

# "Framtid" inside "Föreningen Framtid": flagged, but not two-letter names inside everything.
CONTAINED_NAME_MIN_LENGTH = 6


def requests_for_staff(*, status: str = JoinRequestStatus.PENDING) -> QuerySet:
    """Confirmed requests in `status` (waiting to be vetted by default), newest first."""
    rows = JoinRequest.objects.shown_to_staff().prefetch_related("themes")
    if status in JoinRequestStatus.values:
        rows = rows.filter(status=status)
    return rows.order_by("-confirmed_at", "-pk")


def status_counts() -> dict[str, int]:
    counts = dict.fromkeys(JoinRequestStatus.values, 0)
    for status in JoinRequest.objects.shown_to_staff().values_list("status", flat=True):
        counts[status] += 1
    return counts


@dataclass(frozen=True)
class Duplicate:
    organisation: Organisation
    same_number: bool
    same_name: bool  # the register's names are unique: this one cannot be added again as it is
    similar_name: bool


def _key(name: str) -> str:
    return normalise_name(name)


def _similar(a: str, b: str) -> bool:
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) >= CONTAINED_NAME_MIN_LENGTH and shorter in longer:
        return True
    return similarity(a, b) >= SIMILAR


def _duplicates(join_request: JoinRequest, register: list[Organisation]) -> list[Duplicate]:
    name = _key(join_request.organisation_name)
    found = []
    for organisation in register:
        other = _key(organisation.name)
        duplicate = Duplicate(
            organisation=organisation,
            same_number=bool(join_request.organisation_number)
            and organisation.organisation_number == join_request.organisation_number,
            same_name=organisation.name.casefold() == join_request.organisation_name.casefold(),
            similar_name=name == other or _similar(name, other),
        )
        if duplicate.same_number or duplicate.same_name or duplicate.similar_name:
            found.append(duplicate)
    return found


def likely_duplicates_of(requests: Iterable[JoinRequest]) -> dict[int, list[Duplicate]]:
    """Per request, the organisations in the register with its number or a name like its own."""
    register = list(Organisation.objects.only("pk", "name", "organisation_number", "kind", "county"))
    return {join_request.pk: _duplicates(join_request, register) for join_request in requests}


def likely_duplicates(*, join_request: JoinRequest) -> list[Duplicate]:
    return likely_duplicates_of([join_request])[join_request.pk]


def requests_of(*, email: str) -> list[dict]:
    """The requests to take part that name `email` as their contact, for that person's data export."""
    rows = JoinRequest.objects.filter(contact_email__iexact=(email or "").strip()).prefetch_related("themes")
    return [
        {
            "organisation": row.organisation_name,
            "organisation_number": row.organisation_number,
            "contact_name": row.contact_name,
            "contact_email": row.contact_email,
            "motivation": row.motivation,
            "themes": [theme.name for theme in row.themes.all()],
            "status": row.status,
            "sent_at": row.created_at,
            "confirmed_at": row.confirmed_at,
            "decline_reason": row.decline_reason,
        }
        for row in rows.order_by("created_at", "pk")
    ]
