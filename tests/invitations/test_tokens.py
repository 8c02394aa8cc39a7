"""Token rules: long and random, stored only as a hash, one per invitation; every bad link is a clear
page that changes nothing, and opening a link (as mail scanners do) never changes anything."""

import base64
import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.forms.models import model_to_dict
from django.utils import timezone
from wagtail.models import ModelLogEntry

from accounts.models import User
from consultations.models import ConsultationPage
from invitations.models import Attendee, Invitation, InvitationStatus
from invitations.services import invitation_send_start, invitation_token_revoke
from invitations.tokens import token_new

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db


def snapshot():
    """Everything an RSVP could change, to compare before and after a request."""
    return (
        [model_to_dict(row) for row in Invitation.objects.order_by("pk")],
        list(Attendee.objects.order_by("pk").values()),
        User.objects.count(),
        ModelLogEntry.objects.count(),
    )


def test_a_token_has_at_least_128_random_bits_and_only_its_hash_is_stored(consultation, invite):
    organisation = factories.organisation()
    [token] = invite(consultation, organisation)
    assert len(base64.urlsafe_b64decode(token + "=")) * 8 >= 128
    invitation = invitation_of(organisation, consultation)
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = " ".join(str(value) for value in model_to_dict(invitation).values())
    assert token not in stored
    assert invitation.token_expires_at == consultation.rsvp_deadline


def test_tokens_are_never_repeated():
    tokens = {token_new()[0] for _ in range(200)}
    assert len(tokens) == 200


def test_opening_the_link_changes_nothing(client, consultation, invite):
    [token] = invite(consultation, factories.organisation())
    before = snapshot()
    for path in (factories.rsvp_path(token, "sv"), factories.rsvp_path(token, "en")):
        response = client.get(path)
        assert response.status_code == 200
        assert consultation.title in response.content.decode()
    assert client.head(factories.rsvp_path(token)).status_code == 200
    assert snapshot() == before
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("token", ["A" * 43, "kort", "x" * 200, "%00"])
def test_a_forged_link_is_a_clear_404_and_changes_nothing(client, consultation, invite, token):
    invite(consultation, factories.organisation())
    before = snapshot()
    response = client.get(f"/en/osa/{token}/")
    assert response.status_code == 404
    assert "This invitation link is not valid" in response.content.decode()
    assert (
        client.post(f"/osa/{token}/", factories.accept_post([("Anna", "anna@example.org")])).status_code
        == 404
    )
    assert snapshot() == before


def test_an_expired_link_is_a_clear_410_and_changes_nothing(client, consultation, invite):
    [token] = invite(consultation, factories.organisation())
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        rsvp_deadline=timezone.now() - timezone.timedelta(minutes=1)
    )
    before = snapshot()
    response = client.get(factories.rsvp_path(token))
    assert response.status_code == 410
    assert "The deadline for answering this invitation has passed" in response.content.decode()
    response = client.post(factories.rsvp_path(token), factories.accept_post([("Anna", "anna@example.org")]))
    assert response.status_code == 410
    assert snapshot() == before


def test_the_link_also_expires_at_its_own_expiry(client, consultation, invite):
    organisation = factories.organisation()
    [token] = invite(consultation, organisation)
    Invitation.objects.filter(organisation=organisation).update(token_expires_at=timezone.now())
    assert client.get(factories.rsvp_path(token)).status_code == 410


def test_a_revoked_link_is_a_clear_410_and_changes_nothing(client, consultation, invite, organiser):
    organisation = factories.organisation()
    [token] = invite(consultation, organisation)
    invitation_token_revoke(invitation=invitation_of(organisation, consultation), user=organiser)
    before = snapshot()
    response = client.get(factories.rsvp_path(token))
    assert response.status_code == 410
    assert "withdrawn this invitation link" in response.content.decode()
    assert client.post(factories.rsvp_path(token), factories.decline_post()).status_code == 410
    assert snapshot() == before


def test_sending_again_replaces_the_link(client, consultation, invite, organiser, commit):
    organisation = factories.organisation()
    [old] = invite(consultation, organisation)
    with commit():
        invitation_send_start(
            consultation=consultation,
            user=organiser,
            invitations=[invitation_of(organisation, consultation)],
        )
    [new] = factories.tokens_from_outbox()[-1:]
    assert new != old
    before = snapshot()
    response = client.get(factories.rsvp_path(old))
    assert response.status_code == 404
    assert "replaced by the link in a newer email" in response.content.decode()
    assert client.post(factories.rsvp_path(old), factories.decline_post()).status_code == 404
    assert snapshot() == before
    assert client.get(factories.rsvp_path(new)).status_code == 200


def test_only_organisers_revoke_links(consultation, invite):
    organisation = factories.organisation()
    invite(consultation, organisation)
    someone = User.objects.create_user(email="deltagare@example.org", password=None)
    with pytest.raises(PermissionDenied):
        invitation_token_revoke(invitation=invitation_of(organisation, consultation), user=someone)
    assert invitation_of(organisation, consultation).token_revoked_at is None


def test_the_refused_page_names_no_consultation_for_a_forged_link(client, consultation, invite):
    invite(consultation, factories.organisation())
    response = client.get(f"/en/osa/{'B' * 43}/")
    assert consultation.title not in response.content.decode()
    assert Invitation.objects.get().status == InvitationStatus.SENT
