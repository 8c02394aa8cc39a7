"""Reminders go only to organisations that were sent an invitation and have not answered, and only
before the deadline; each carries a new link that replaces the old one."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from consultations.models import ConsultationPage
from invitations.models import DeliveryStatus, InvitationStatus, SendKind
from invitations.services import invitation_create_many, reminder_send, rsvp_decline
from tests.outbox.helpers import deliver_all

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db


def test_reminders_go_only_to_the_unanswered(client, consultation, organiser, commit, invite):
    answered, silent = factories.organisation(), factories.organisation()
    old_answered, old_silent = invite(consultation, answered, silent)
    never_sent = factories.organisation()
    invitation_create_many(consultation=consultation, organisations=[never_sent], user=organiser)
    with commit():
        rsvp_decline(token=old_answered)
    mail.outbox.clear()

    with commit():
        batch = reminder_send(consultation=consultation, user=organiser)
    assert batch.kind == SendKind.REMINDER
    assert [message.to for message in mail.outbox] == [silent.contact_email_list]
    assert "Reminder:" in mail.outbox[0].subject
    assert len(mail.outbox[0].attachments) == 1
    invitation = invitation_of(silent, consultation)
    assert invitation.reminder_sent_at is not None
    assert invitation.status == InvitationStatus.SENT
    assert invitation_of(never_sent, consultation).status == InvitationStatus.NOT_SENT

    [new] = factories.tokens_from_outbox()
    assert client.get(factories.rsvp_path(old_silent)).status_code == 404  # replaced
    assert client.get(factories.rsvp_path(new)).status_code == 200


def test_no_reminders_after_the_deadline(consultation, organiser, invite):
    invite(consultation, factories.organisation())
    mail.outbox.clear()
    ConsultationPage.objects.filter(pk=consultation.pk).update(
        rsvp_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    consultation.refresh_from_db()
    with pytest.raises(ValidationError):
        reminder_send(consultation=consultation, user=organiser)
    assert mail.outbox == []


def test_no_reminder_when_everyone_answered(consultation, organiser, invite, commit):
    [token] = invite(consultation, factories.organisation())
    with commit():
        rsvp_decline(token=token)
    with pytest.raises(ValidationError):
        reminder_send(consultation=consultation, user=organiser)


def test_an_answer_given_while_reminders_are_queued_skips_that_reminder(
    consultation, organiser, invite, django_capture_on_commit_callbacks
):
    organisation = factories.organisation()
    [token] = invite(consultation, organisation)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False):
        batch = reminder_send(consultation=consultation, user=organiser)
    rsvp_decline(token=token)
    deliver_all(consultation=consultation)
    assert mail.outbox == []
    assert batch.deliveries.get().status == DeliveryStatus.SKIPPED
