"""Fixtures for the invitation tests: a consultation, organisations, and invitations sent for real."""

import pytest
from django.core import mail

from invitations.models import Invitation
from invitations.services import invitation_create_many, invitation_send_start

from . import factories


@pytest.fixture
def organiser(db):
    return factories.superuser()


@pytest.fixture
def consultation(db):
    return factories.consultation(capacity=10, seats=2)


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs what the code queued for after the commit (emails, background tasks)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def invite(organiser, commit):
    """invite(consultation, *organisations) -> one token per organisation, read from the sent emails."""

    def send(consultation, *organisations):
        before = len(mail.outbox)
        with commit():
            invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
            invitation_send_start(consultation=consultation, user=organiser)
        tokens = factories.tokens_from_outbox(mail.outbox[before:])
        assert len(tokens) == len(organisations)
        return tokens

    return send


def invitation_of(organisation, consultation) -> Invitation:
    return Invitation.objects.get(organisation=organisation, consultation=consultation)
