"""Who may do what with invitations. Services check here; views and the admin screens ask here too."""

from enum import StrEnum

from django.utils import timezone

from .choices import HoldReason
from .selectors import admin_access_exists

MANAGE_PERMISSION = "invitations.change_invitation"


def can_manage_invitations(*, user, consultation) -> bool:
    """Organisers: the invitations permission *and* the right to edit that consultation's page, so a
    unit's organisers manage their own consultations only."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return user.has_perm(MANAGE_PERMISSION) and consultation.permissions_for_user(user).can_edit()


def can_view_attendee_needs(*, user, consultation) -> bool:
    # Access and dietary needs can reveal health: only those who organise this consultation.
    return can_manage_invitations(user=user, consultation=consultation)


def can_erase_attendee_needs(*, user) -> bool:
    # No user: the scheduled management command, acting on the retention rule itself.
    return user is None or (user.is_active and user.is_superuser)


def is_ministry_account(*, account) -> bool:
    """An account of ministry staff, active or not: superuser, Django's staff flag, or the right to
    enter the admin (sakrad.roles.ADMIN_ACCESS_PERMISSION).

    Not sakrad.roles.is_staff, on purpose: that asks whether the request's user may act as staff now
    (active, with a second factor when required). This asks what an account named by an RSVP link
    *is*, whoever holds the link, so a deactivated staff account is protected too: tied to an
    organisation today, it would be one once reactivated. `has_admin_access` is annotated by
    selectors.accounts_by_email; without it, the permission is looked up (has_perm says no for
    inactive accounts)."""
    if account.is_superuser or account.is_staff:
        return True
    admin_access = getattr(account, "has_admin_access", None)
    if admin_access is None:
        admin_access = admin_access_exists(user_id=account.pk)
    return bool(admin_access)


def rsvp_link_refusal(*, account, organisation_id: int, named_elsewhere: bool = False) -> HoldReason | None:
    """Why an organisation's RSVP link may not add this person, or None when it may.

    A link adds people to its own organisation: it may link an account of no organisation or of this
    one, never a staff account (that would tie ministry staff to an organisation and mail them a
    login) and never another organisation's. The reason is for the organisers; the link holder is
    given the same neutral answer whatever it is (see docs/invitations.md)."""
    if account is not None and is_ministry_account(account=account):
        return HoldReason.STAFF
    if named_elsewhere:
        return HoldReason.NAMED_ELSEWHERE
    if account is not None and account.organisation_id not in (None, organisation_id):
        return HoldReason.OTHER_ORGANISATION
    return None


class TokenState(StrEnum):
    VALID = "valid"
    UNKNOWN = "unknown"  # forged, mistyped, or replaced by the link in a newer email
    REVOKED = "revoked"
    EXPIRED = "expired"


def rsvp_closes_at(*, consultation):
    """Answers are taken until the RSVP deadline, or until the event starts when there is none."""
    return consultation.rsvp_deadline or consultation.starts_at


def token_state(*, invitation, now=None) -> TokenState:
    """What the holder of this invitation's link may do: answer (VALID), or nothing."""
    if invitation is None or not invitation.token_hash:
        return TokenState.UNKNOWN
    if invitation.token_revoked_at is not None:
        return TokenState.REVOKED
    now = now or timezone.now()
    # The consultation's current deadline counts too, in case it was moved earlier after sending.
    closes_at = rsvp_closes_at(consultation=invitation.consultation)
    if now >= closes_at or (invitation.token_expires_at and now >= invitation.token_expires_at):
        return TokenState.EXPIRED
    return TokenState.VALID
