"""Reads for the RSVP page, the services and the admin screens; each in a fixed number of queries."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Lower

from sakrad.roles import ADMIN_ACCESS_PERMISSION

from .models import Attendee, HeldAttendee, Invitation, InvitationSend, InvitationStatus
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


def _admin_access(user):
    app_label, codename = ADMIN_ACCESS_PERMISSION.split(".")
    rows = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return Exists(rows.filter(Q(user=user) | Q(group__user=user)))


def accounts_by_email(*, emails) -> dict:
    """The accounts with these addresses (any case), by lower-case email, each annotated with
    `has_admin_access` (directly or through a group, active or not): one query, whoever is asked
    about, so that what an RSVP link learns cannot depend on which kind of account it named."""
    lowered = {email.strip().lower() for email in emails}
    rows = (
        get_user_model()
        .objects.annotate(email_lower=Lower("email"), has_admin_access=_admin_access(OuterRef("pk")))
        .filter(email_lower__in=lowered)
    )
    return {row.email_lower: row for row in rows}


def admin_access_exists(*, user_id: int) -> bool:
    return get_user_model().objects.filter(pk=user_id).filter(_admin_access(OuterRef("pk"))).exists()


def held_attendees_of(*, invitation: Invitation) -> list[HeldAttendee]:
    """The people this invitation's link named but could not add: shown back to that link only."""
    return list(invitation.held_attendees.order_by("pk"))


def held_attendee_list(*, consultation):
    """Every person the links of a consultation could not add, for its organisers: with the inviting
    organisation, the account the address belongs to, and who named the address already."""
    named_by = Attendee.objects.filter(consultation=OuterRef("consultation"), email=OuterRef("email"))
    return (
        HeldAttendee.objects.filter(consultation=consultation)
        .select_related("invitation__organisation", "account__organisation")
        .annotate(named_by=Subquery(named_by.values("invitation__organisation__name")[:1]))
        .order_by("created_at", "pk")
    )


def organiser_contacts(*, consultation) -> list:
    """Who hears about what needs the organisers: the consultation page's owner and whoever sent its
    invitations (the people an organisation expects to hear from). Active accounts only; the caller
    still asks permissions.can_manage_invitations."""
    ids = set(
        InvitationSend.objects.filter(consultation=consultation, created_by__isnull=False).values_list(
            "created_by", flat=True
        )
    )
    if consultation.owner_id:
        ids.add(consultation.owner_id)
    return list(get_user_model().objects.filter(pk__in=ids, is_active=True).order_by("pk"))


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
        .with_removable()
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
