"""Who may read a minutes draft under review, suggest corrections to it, and decide on them.

Only those who were at the consultation see its draft minutes: an attendee is someone named for it
(their account on an `Attendee` row) who was checked in on the day; when attendance was not taken
(nobody checked in), someone named on an accepted invitation. The same rule as the minutes' list of
participating organisations (minutes.selectors.attended_organisations).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from invitations.models import Attendee, InvitationStatus
from sakrad.roles import staff_may

# Opening a review and deciding on its suggestions; the organisers hold it (staff_roles/groups.py).
MANAGE_PERMISSION = "corrections.change_correctionround"


def attending(queryset):
    """Attendee rows (of one or more consultations) that count as having been there, with an account."""
    attendance_taken = Exists(
        Attendee.objects.filter(consultation_id=OuterRef("consultation_id"), checked_in_at__isnull=False)
    )
    was_there = Q(attendance_taken=True, checked_in_at__isnull=False) | Q(
        attendance_taken=False, invitation__status=InvitationStatus.ACCEPTED
    )
    return queryset.annotate(attendance_taken=attendance_taken).filter(was_there, user__is_active=True)


def is_attendee(*, user, consultation_id: int) -> bool:
    """One query."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    rows = Attendee.objects.filter(consultation_id=consultation_id, user=user)
    return attending(rows).exists()


def can_manage_corrections(*, user, consultation) -> bool:
    """Organisers who may add pages under the consultation or edit it: they open the review of its
    minutes draft and decide on the suggestions. Editors edit the draft but run no review."""
    return staff_may(user=user, permission=MANAGE_PERMISSION, page=consultation)


def can_view_review(*, user, consultation) -> bool:
    return is_attendee(user=user, consultation_id=consultation.pk) or can_manage_corrections(
        user=user, consultation=consultation
    )
