"""A participant's breakout group under each of their consultations on their own page
(invitations/my_page.py; shown by templates/invitations/my_page/consultation.html)."""

from collections import defaultdict

from invitations.my_page import MyConsultations, my_consultation_detail_register

from .models import GroupMembership


def _groups(*, user, consultations: MyConsultations) -> None:
    """The person's groups, in one query for all their consultations."""
    groups = defaultdict(list)
    memberships = GroupMembership.objects.filter(
        user=user, consultation_id__in={entry.consultation.pk for entry in consultations}
    ).select_related("group")
    for membership in memberships:
        groups[membership.consultation_id].append(membership.group)
    for entry in consultations:
        entry.groups = groups[entry.consultation.pk]


my_consultation_detail_register(name="groups", add=_groups)
