"""Reads for the contact person's pages: a link by its token, and what waits for confirmation."""

from __future__ import annotations

from enum import StrEnum

from django.utils import timezone

from invitations.tokens import token_hash, token_well_formed
from organisations.models import ContactEmailChange, ContactLink


class LinkState(StrEnum):
    VALID = "valid"
    UNKNOWN = "unknown"  # forged, mistyped, or replaced by a newer link
    EXPIRED = "expired"


def _by_token(queryset, token: str, *, lock: bool):
    if not token_well_formed(token):
        return None  # never reaches the database: a forged link learns nothing, not even its timing
    if lock:
        queryset = queryset.select_for_update(of=("self",))
    return queryset.select_related("organisation").filter(token_hash=token_hash(token)).first()


def contact_link_for_token(*, token: str, lock: bool = False) -> ContactLink | None:
    return _by_token(ContactLink.objects.all(), token, lock=lock)


def email_change_for_token(*, token: str, lock: bool = False) -> ContactEmailChange | None:
    return _by_token(ContactEmailChange.objects.all(), token, lock=lock)


def link_state(*, link, now=None) -> LinkState:
    """For a ContactLink or a ContactEmailChange found by its token (or None). A personal link whose
    address is no longer the contact e-mail is as unknown as a replaced one."""
    if link is None or (isinstance(link, ContactLink) and not link.is_current()):
        return LinkState.UNKNOWN
    return LinkState.EXPIRED if link.is_expired(now) else LinkState.VALID


def pending_email(*, organisation) -> str | None:
    """The new contact e-mail waiting for its confirmation, if any still may be confirmed."""
    change = ContactEmailChange.objects.filter(
        organisation=organisation, expires_at__gt=timezone.now()
    ).first()
    return change.email if change else None
