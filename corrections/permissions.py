"""Who may read a minutes draft under review, suggest corrections to it, and decide on them.

Only those who were at the consultation see its draft minutes: an attendee is someone named for it
(their account on an `Attendee` row) who was checked in on the day; when attendance was not taken
(nobody checked in), someone named on an accepted invitation. The same rule as the minutes' list of
participating organisations (minutes.selectors.attended_organisations).
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from wagtail.permissions import page_permission_policy

from breakouts.permissions import is_staff
from invitations.models import Attendee, InvitationStatus


def attending(queryset):
    """Attendee rows (of one or more consultations) that count as having been there, with an account."""
    attendance_taken = Exists(
        Attendee.objects.filter(consultation_id=OuterRef("consultation_id"), checked_in_at__isnull=False)
    )
    was_there = Q(attendance_taken=True, checked_in_at__isnull=False) | Q(
        attendance_taken=False, invitation__status=InvitationStatus.ACCEPTED
    )
    return queryset.annotate(attendance_taken=attendance_taken).filter(was_there, user__is_active=True)


def is_attendee(user, consultation_id: int) -> bool:
    """One query."""
    if not (user and user.is_authenticated and user.is_active):
        return False
    rows = Attendee.objects.filter(consultation_id=consultation_id, user=user)
    return attending(rows).exists()


def can_manage_corrections(user, consultation) -> bool:
    """Staff who may add pages under the consultation or edit it: they edit its minutes draft too."""
    if not is_staff(user):
        return False
    if user.is_superuser:
        return True
    return page_permission_policy.user_has_any_permission_for_instance(user, ["add", "change"], consultation)


def can_view_review(user, consultation) -> bool:
    return is_attendee(user, consultation.pk) or can_manage_corrections(user, consultation)
