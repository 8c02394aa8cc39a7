"""Reads for the RSVP page, the services and the admin screens; each in a fixed number of queries."""

from django.db.models import Prefetch

from .models import Attendee, Invitation, InvitationSend, InvitationStatus
from .tokens import token_hash, token_well_formed


def invitation_for_token(*, token: str) -> Invitation | None:
    """The invitation a link's token belongs to, or None (forged, mistyped or replaced)."""
    if not token_well_formed(token):
        return None
    rows = Invitation.objects.select_related("consultation", "organisation")
    return rows.filter(token_hash=token_hash(token)).first()


def seats_left(*, consultation, exclude: Invitation | None = None) -> int | None:
    """Free seats, not counting `exclude`'s own attendees; None when there is no capacity limit."""
    if consultation.capacity is None:
        return None
    taken = Invitation.objects.for_consultation(consultation).seats_taken(exclude=exclude)
    return max(consultation.capacity - taken, 0)


def emails_taken_elsewhere(*, consultation, emails, exclude: Invitation) -> set[str]:
    """Those of `emails` already named by another organisation for the same consultation."""
    lowered = {email.lower() for email in emails}
    rows = Attendee.objects.filter(consultation=consultation, email__in=lowered).exclude(invitation=exclude)
    return set(rows.values_list("email", flat=True))


def waitlist_position(*, invitation: Invitation) -> int | None:
    """1 for the first in line; None when not on the waiting list."""
    if invitation.waitlisted_at is None or invitation.status != InvitationStatus.WAITLISTED:
        return None
    ahead = Invitation.objects.for_consultation(invitation.consultation_id).waitlist()
    ids = list(ahead.values_list("pk", flat=True))
    return ids.index(invitation.pk) + 1 if invitation.pk in ids else None


def attendees_of(*, invitation: Invitation) -> list[Attendee]:
    """Only this invitation's attendees: what its link holder may see, needs included."""
    return list(invitation.attendees.order_by("pk"))


def invitation_list(*, consultation):
    """Every invitation of a consultation with its organisation and attendees: three queries in all."""
    return (
        Invitation.objects.for_consultation(consultation)
        .select_related("organisation")
        .with_attendee_count()
        .prefetch_related(Prefetch("attendees", queryset=Attendee.objects.order_by("pk")))
        .order_by("organisation__name")
    )


def invitation_summary(*, consultation) -> dict:
    """Counts per state and seats taken against capacity, for the organisers' overview."""
    invitations = Invitation.objects.for_consultation(consultation)
    return {
        "counts": invitations.status_counts(),
        "seats_taken": invitations.seats_taken(),
        "capacity": consultation.capacity,
        "waitlisted_seats": Attendee.objects.filter(
            invitation__in=invitations.filter(status=InvitationStatus.WAITLISTED)
        ).count(),
    }


def send_batches(*, consultation):
    return InvitationSend.objects.filter(consultation=consultation).order_by("-created_at", "-pk")
