from __future__ import annotations

import pytest

from invitations.models import Attendee, Invitation, InvitationStatus
from tests.factories import ConsultationPageFactory, OrganisationFactory, UserFactory


@pytest.fixture
def consultation(db):
    return ConsultationPageFactory()


@pytest.fixture
def attend(consultation):
    """attend(organisation=None, checked_in=False) -> a user attending for an accepted organisation."""

    def attend_(organisation=None, checked_in=False, status=InvitationStatus.ACCEPTED):
        organisation = organisation or OrganisationFactory()
        invitation, _ = Invitation.objects.get_or_create(
            consultation=consultation, organisation=organisation, defaults={"status": status}
        )
        user = UserFactory(organisation=organisation)
        Attendee.objects.create(
            invitation=invitation,
            consultation=consultation,
            name=user.email,
            email=user.email,
            user=user,
            checked_in_at="2025-03-12T09:00:00Z" if checked_in else None,
        )
        return user

    return attend_
