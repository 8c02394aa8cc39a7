from django.db import models
from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q

from ..choices import InvitationStatus
from .attendee import Attendee
from .sending import InvitationDelivery


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

    def with_removable(self):
        """`removable`: never sent nor queued in a send, so it can simply be deleted; any other is
        withdrawn instead (services/withdraw.py), since the organisation may have had an email."""
        queued = Exists(InvitationDelivery.objects.filter(invitation=OuterRef("pk")))
        never_sent = Q(status=InvitationStatus.NOT_SENT, sent_at__isnull=True)
        return self.annotate(removable=ExpressionWrapper(never_sent & ~queued, output_field=BooleanField()))

    def with_attendee_count(self):
        return self.annotate(attendee_count=Count("attendees", distinct=True))

    def seats_taken(self, *, exclude=None) -> int:
        """Attendees of accepted invitations: what counts against the consultation's capacity."""
        rows = Attendee.objects.filter(invitation__in=self.accepted())
        if exclude is not None:
            rows = rows.exclude(invitation=exclude)
        return rows.count()

    def status_counts(self) -> dict[str, int]:
        """Counts that add up: invited = not sent + sent; sent = no answer + answered; answered =
        accepted + waitlisted + declined. A sent invitation stays sent once answered. Withdrawn ones
        are counted apart, outside "invited"."""
        answers = [InvitationStatus.ACCEPTED, InvitationStatus.WAITLISTED, InvitationStatus.DECLINED]
        counts = self.aggregate(
            **{status.value: Count("pk", filter=Q(status=status)) for status in InvitationStatus},
            no_answer=Count("pk", filter=Q(status=InvitationStatus.SENT)),
            answered=Count("pk", filter=Q(status__in=answers)),
        )
        counts["sent"] = counts["no_answer"] + counts["answered"]
        counts["invited"] = counts["not_sent"] + counts["sent"]
        return counts
