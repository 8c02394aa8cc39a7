"""An invitation the organisers withdraw takes the consultation off *Mina sidor* for the organisation's
people: they were removed as attendees, and the page must not tell them they are registered."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import User
from invitations.models import Attendee, Invitation, InvitationStatus
from tests.utils import html, text_of
from tests.world import World

pytestmark = pytest.mark.django_db

MY_PAGE = "/mina-sidor/"


def _titles(client) -> list[str]:
    response = client.get(MY_PAGE)
    assert response.status_code == 200
    return [text_of(entry) for entry in html(response).select(".my-consultation")]


def _listed(client, consultation) -> bool:
    return any(consultation.title in title for title in _titles(client))


@pytest.fixture
def named(world: World) -> Invitation:
    """The upcoming consultation's accepted invitation, with "participant_other" named by it."""
    invitation = Invitation.objects.get(
        consultation=world.other_consultation, organisation=world.other_organisation
    )
    person = world.user("participant_other")
    Attendee.objects.create(
        invitation=invitation,
        consultation=world.other_consultation,
        name="Alva Annan",
        email=person.email,
        user=person,
    )
    return invitation


def _withdraw_as_organiser(world: World, invitation: Invitation) -> None:
    url = reverse("invitations_admin:remove", args=[world.other_consultation.pk])
    response = world.client_for("organiser").post(url, {"invitation": invitation.pk})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.WITHDRAWN


def test_a_withdrawn_organisations_people_no_longer_see_the_consultation(world, named):
    colleague = User.objects.create_user(email="kollega@example.org", organisation=world.other_organisation)
    attendee, colleague_client = world.client_for("participant_other"), world.client_for("participant")
    colleague_client.force_login(colleague)
    assert _listed(attendee, world.other_consultation), "listed while invited"
    assert _listed(colleague_client, world.other_consultation), "the organisation's others too"

    _withdraw_as_organiser(world, named)

    assert not _listed(attendee, world.other_consultation)
    assert not _listed(colleague_client, world.other_consultation)
    page = html(attendee.get(MY_PAGE)).get_text()
    assert world.other_consultation.title not in page, "not elsewhere on the page either"


def test_other_organisations_keep_their_consultations(world, named):
    participant = world.client_for("participant")
    before = _titles(participant)
    assert before, "the participant of the world has consultations of their own"

    _withdraw_as_organiser(world, named)

    assert _titles(participant) == before


def test_a_second_withdrawal_of_the_same_invitation_changes_nothing(world, named):
    """A repeated or replayed POST: the invitation stays withdrawn, and nothing comes back."""
    _withdraw_as_organiser(world, named)
    url = reverse("invitations_admin:remove", args=[world.other_consultation.pk])
    response = world.client_for("organiser").post(url, {"invitation": named.pk}, follow=True)
    assert response.status_code == 200
    named.refresh_from_db()
    assert named.status == InvitationStatus.WITHDRAWN
    assert not _listed(world.client_for("participant_other"), world.other_consultation)
