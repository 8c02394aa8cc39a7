"""What the admin screens build on: audit-log entries with registered actions, the organisers'
permission, and an invitation list that reads 300 organisations in a fixed number of queries."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.log_actions import registry as log_registry
from wagtail.models import GroupPagePermission, ModelLogEntry, PageLogEntry

from accounts.models import User
from invitations import log_actions
from invitations.models import Attendee, Invitation, InvitationStatus
from invitations.permissions import can_manage_invitations, can_view_attendee_needs
from invitations.selectors import invitation_list, invitation_summary
from invitations.services import AttendeeData, invitation_create_many, rsvp_accept

from . import factories

pytestmark = pytest.mark.django_db


def test_every_action_is_registered_and_formats():
    for name in vars(log_actions).values():
        if isinstance(name, str) and name.startswith("sakrad."):
            assert log_registry.action_exists(name), name


def test_answers_and_sends_are_logged_without_personal_data(consultation, invite, commit):
    organisation = factories.organisation()
    [token] = invite(consultation, organisation)
    with commit():
        rsvp_accept(
            token=token,
            attendees=[AttendeeData(name="Anna Lind", email="anna@example.org", dietary_needs="Vegan")],
        )
    assert PageLogEntry.objects.filter(page=consultation, action=log_actions.INVITATION_SEND).exists()
    entry = ModelLogEntry.objects.get(action=log_actions.RSVP_ACCEPT)
    assert entry.data == {"status": "accepted", "attendees": 1, "accounts_linked": 1}
    with translation.override("en"):
        message = str(log_registry.get_formatter(entry).format_message(entry))
    assert message == "Accepted with 1 attendees (Accepted)"
    for row in ModelLogEntry.objects.all():
        assert "Anna" not in f"{row.label} {row.data}" and "Vegan" not in str(row.data)


def organiser_in_group(consultation, *codenames) -> User:
    group = Group.objects.create(name=f"Organisers {len(codenames)}")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=factories.site_index(), permission=Permission.objects.get(codename=codename)
        )
    user = User.objects.create_user(email=f"tjansteman{len(codenames)}@regeringskansliet.se", password=None)
    user.groups.add(group)
    return user


def test_organisers_need_the_invitation_permission_and_the_page(consultation):
    organiser = organiser_in_group(consultation, "change_invitation")
    page_editor = organiser_in_group(consultation)
    assert can_manage_invitations(user=organiser, consultation=consultation)
    assert can_view_attendee_needs(user=organiser, consultation=consultation)
    assert not can_manage_invitations(user=page_editor, consultation=consultation)
    other = factories.consultation()
    assert can_manage_invitations(user=organiser, consultation=other)  # under the same index
    assert invitation_create_many(
        consultation=consultation, organisations=[factories.organisation()], user=organiser
    )


def test_the_invitation_list_reads_300_organisations_in_fixed_queries(
    consultation, organiser, django_assert_num_queries
):
    organisations = [factories.organisation() for _ in range(300)]
    invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
    for invitation in Invitation.objects.filter(consultation=consultation)[:50]:
        invitation.status = InvitationStatus.ACCEPTED
        invitation.save()
        Attendee.objects.create(
            invitation=invitation, consultation=consultation, name="N", email=f"{invitation.pk}@x.se"
        )
    with django_assert_num_queries(2):
        rows = [
            (row.organisation.name, row.attendee_count, [a.email for a in row.attendees.all()])
            for row in invitation_list(consultation=consultation)
        ]
    assert len(rows) == 300
    summary = invitation_summary(consultation=consultation)
    assert summary["counts"]["accepted"] == 50 and summary["seats_taken"] == 50
