"""Reads for a participant's own page: the consultations they take part in, and how they stand."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q

from breakouts.models import GroupMembership
from invitations.models import Attendee, Invitation, InvitationStatus


@dataclass
class MyConsultation:
    consultation: object  # ConsultationPage
    invitation: Invitation
    attendee: Attendee | None  # None: their organisation is invited, but they are not named (yet)
    # Empty means "not placed in a group yet".
    groups: list = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return self.invitation.get_status_display()


def my_consultations(*, user) -> list[MyConsultation]:
    """Consultations the user is named for (Attendee.user), and those their organisation has been
    invited to (sent or answered; a list not sent yet is the organisers' draft). Upcoming first by
    date. Three queries, whatever the number of consultations."""
    if not user.is_authenticated:
        return []
    named = Q(attendees__user=user)
    by_organisation = Q(organisation_id=user.organisation_id) if user.organisation_id else Q(pk__in=[])
    invitations = list(
        Invitation.objects.filter(named | by_organisation)
        .exclude(status=InvitationStatus.NOT_SENT)
        .select_related("consultation", "organisation")
        .distinct()
        .order_by("-consultation__date", "consultation__title")
    )
    attendees = {
        attendee.invitation_id: attendee
        for attendee in Attendee.objects.filter(user=user, invitation__in=[row.pk for row in invitations])
    }
    groups = defaultdict(list)
    memberships = GroupMembership.objects.filter(
        user=user, consultation_id__in={row.consultation_id for row in invitations}
    ).select_related("group")
    for membership in memberships:
        groups[membership.consultation_id].append(membership.group)
    return [
        MyConsultation(
            consultation=row.consultation,
            invitation=row,
            attendee=attendees.get(row.pk),
            groups=groups[row.consultation_id],
        )
        for row in invitations
    ]
