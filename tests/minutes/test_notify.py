"""When minutes are first published, everyone who attended gets one email with the link; never again."""

import pytest
from django.core import mail
from wagtail.models import PageLogEntry

from invitations.models import InvitationStatus
from minutes.services.notify import MINUTES_NOTIFIED, minutes_recipients
from tests.minutes.workflow_helpers import attendee, draft_minutes, held_consultation, publish, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def consultation(index):
    staff()
    return held_consultation(index, title="Sakråd om läxhjälp")


@pytest.fixture
def minutes(consultation):
    return draft_minutes(consultation)


@pytest.fixture
def attended(consultation):
    """Two checked in; one registered who did not come; one declined."""
    came = [
        attendee(consultation, "leyla@example.org", checked_in=True, name="Leyla Andersson"),
        attendee(consultation, "mikael@example.org", checked_in=True, name="Mikael Berg"),
    ]
    attendee(consultation, "stannade.hemma@example.org")
    attendee(consultation, "tackade.nej@example.org", status=InvitationStatus.DECLINED)
    return came


def _publish(page, capture):
    with capture(execute=True):
        publish(page)


def test_attendees_get_exactly_one_email_on_first_publish(
    minutes, attended, django_capture_on_commit_callbacks
):
    _publish(minutes, django_capture_on_commit_callbacks)
    assert sorted(address for message in mail.outbox for address in message.to) == [
        "leyla@example.org",
        "mikael@example.org",
    ]
    assert all(len(message.to) == 1 and not message.cc and not message.bcc for message in mail.outbox)

    _publish(minutes, django_capture_on_commit_callbacks)
    _publish(minutes, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2, "a re-publish emails no one"
    assert PageLogEntry.objects.filter(page=minutes, action=MINUTES_NOTIFIED).count() == 1


def test_the_email_has_the_link_and_no_other_attendee(minutes, attended, django_capture_on_commit_callbacks):
    _publish(minutes, django_capture_on_commit_callbacks)
    message = next(message for message in mail.outbox if message.to == ["leyla@example.org"])
    html = message.alternatives[0][0]
    page = minutes.specific_class.objects.get(pk=minutes.pk)
    assert page.full_url in message.body
    assert f'href="{page.full_url}"' in html
    assert "/en/" in message.body, "the English half links to the English page"
    assert "Leyla Andersson" in message.body
    for other in ("mikael@example.org", "Mikael Berg", "stannade.hemma@example.org", "tackade.nej"):
        assert other not in message.body
        assert other not in html
    assert "Sakråd om läxhjälp" in message.subject
    # Swedish first, English below.
    assert message.body.index("Hej") < message.body.index("Hello")


def test_nobody_checked_in_means_the_accepted_invitations_attendees(consultation, minutes):
    attendee(consultation, "anmald@example.org")
    attendee(consultation, "vantelista@example.org", status=InvitationStatus.WAITLISTED)
    assert [row.email for row in minutes_recipients(consultation=consultation)] == ["anmald@example.org"]


def test_a_rolled_back_publish_mails_no_one(minutes, attended, django_capture_on_commit_callbacks):
    from django.db import transaction

    with django_capture_on_commit_callbacks(execute=False) as callbacks, transaction.atomic():
        publish(minutes)
        transaction.set_rollback(True)
    assert not callbacks, "the emails were waiting for a commit that never came"
    assert not mail.outbox
    assert not PageLogEntry.objects.filter(page=minutes, action=MINUTES_NOTIFIED).exists()


def test_other_pages_mail_no_one(consultation, attended, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        consultation.save_revision().publish()
    assert not mail.outbox
