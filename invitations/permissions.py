"""Who may do what with invitations. Services check here; views and the admin screens ask here too."""

from enum import StrEnum

from django.utils import timezone

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


def can_erase_attendee_needs(*, actor) -> bool:
    # No actor: the scheduled management command, acting on the retention rule itself.
    return actor is None or (actor.is_active and actor.is_superuser)


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
