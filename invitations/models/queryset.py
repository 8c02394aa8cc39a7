from django.db import models
from django.db.models import Count, Q

from ..choices import InvitationStatus


class InvitationQuerySet(models.QuerySet):
    def for_consultation(self, consultation):
        return self.filter(consultation=consultation)

    def accepted(self):
        return self.filter(status=InvitationStatus.ACCEPTED)

    def waitlist(self):
        """Waitlisted invitations, first come first served."""
        return self.filter(status=InvitationStatus.WAITLISTED).order_by("waitlisted_at", "pk")

    def unanswered(self):
        return self.filter(status=InvitationStatus.SENT, answered_at__isnull=True)

    def with_attendee_count(self):
        return self.annotate(attendee_count=Count("attendees", distinct=True))

    def seats_taken(self, *, exclude=None) -> int:
        """Attendees of accepted invitations: what counts against the consultation's capacity."""
        from .attendee import Attendee

        rows = Attendee.objects.filter(invitation__in=self.accepted())
        if exclude is not None:
            rows = rows.exclude(invitation=exclude)
        return rows.count()

    def status_counts(self) -> dict[str, int]:
        counts = self.aggregate(
            **{status.value: Count("pk", filter=Q(status=status)) for status in InvitationStatus},
            no_answer=Count("pk", filter=Q(status=InvitationStatus.SENT, answered_at__isnull=True)),
        )
        return counts
