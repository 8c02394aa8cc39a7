"""Sending: one email per organisation to all its contact addresses, Swedish with English below, text
and HTML, with an .ics; in the background; a retry never mails anyone twice; failures stay visible."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import formats, timezone, translation
from icalendar import Calendar

from accounts.models import User
from invitations.models import DeliveryStatus, InvitationSend, InvitationStatus
from invitations.services import (
    invitation_create_many,
    invitation_send_retry,
    invitation_send_start,
)
from outbox.models import MailState, OutboxMail
from tests.outbox.helpers import deliver_all

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db

REFUSING = "tests.invitations.backends.RefusingBackend"
DOWN = "tests.invitations.backends.DownBackend"


@pytest.fixture
def framtid():
    return factories.organisation("kansli@framtid.se", "ordforande@framtid.se", name="Föreningen Framtid")


@pytest.fixture
def stod():
    return factories.organisation("info@stod.se", name="Stiftelsen Stöd")


def start(consultation, organiser, commit, *organisations):
    with commit():
        invitation_create_many(consultation=consultation, organisations=organisations, user=organiser)
        return invitation_send_start(consultation=consultation, user=organiser)


def test_one_email_per_organisation_to_each_contact_address(consultation, organiser, commit, framtid, stod):
    batch = start(consultation, organiser, commit, framtid, stod)
    assert len(mail.outbox) == 2
    assert sorted(tuple(sorted(message.to)) for message in mail.outbox) == [
        ("info@stod.se",),
        ("kansli@framtid.se", "ordforande@framtid.se"),
    ]
    batch.refresh_from_db()
    assert (batch.total, batch.sent, batch.failed) == (2, 2, 0)
    assert batch.finished_at is not None
    for organisation in (framtid, stod):
        invitation = invitation_of(organisation, consultation)
        assert invitation.status == InvitationStatus.SENT
        assert invitation.sent_at is not None
        assert invitation.last_send_error == ""


def test_the_email_is_swedish_with_english_below_in_text_and_html(consultation, organiser, commit, framtid):
    start(consultation, organiser, commit, framtid)
    [message] = mail.outbox
    [token] = factories.tokens_from_outbox()
    with translation.override("sv"):
        swedish_date = formats.date_format(consultation.date, "j F Y")
    with translation.override("en"):
        english_date = formats.date_format(consultation.date, "j F Y")
    assert swedish_date != english_date
    body = message.body
    swedish_link, english_link = f"http://testserver/osa/{token}/", f"http://testserver/en/osa/{token}/"
    assert (
        body.index(swedish_date)
        < body.index(swedish_link)
        < body.index(english_date)
        < body.index(english_link)
    )
    assert "Hello Föreningen Framtid," in body
    assert "invites your organisation to the consultation" in body
    assert consultation.title in message.subject
    assert "Invitation:" in message.subject  # English after the Swedish

    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html"
    sv, en = html.index('<div lang="sv">'), html.index('<div lang="en">')
    assert sv < html.index(f'href="{swedish_link}"') < en < html.index(f'href="{english_link}"')
    assert "Rosenbad 4<br>103 33 Stockholm" in html


def test_the_email_carries_an_ics_for_the_consultation(consultation, organiser, commit, framtid, stod):
    start(consultation, organiser, commit, framtid, stod)
    uids = set()
    for message in mail.outbox:
        [(filename, content, mimetype)] = message.attachments
        assert filename.endswith(".ics")
        assert mimetype.startswith("text/calendar")
        [event] = Calendar.from_ical(content).walk("VEVENT")
        assert str(event["SUMMARY"]) == consultation.title
        assert event.decoded("DTSTART") == consultation.starts_at
        assert event.decoded("DTEND") == consultation.ends_at
        assert "Rosenbad 4" in str(event["LOCATION"])
        uids.add(str(event["UID"]))
        assert "/osa/" not in content if isinstance(content, str) else b"/osa/" not in content
    assert uids == {f"consultation-{consultation.pk}@sakrad"}  # stable: calendars update one entry


def test_sending_waits_for_the_commit(consultation, organiser, framtid, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        invitation_create_many(consultation=consultation, organisations=[framtid], user=organiser)
        invitation_send_start(consultation=consultation, user=organiser)
    assert len(queued) == 1  # the job of the one outbox mail
    assert mail.outbox == []  # queued for the background, nothing sent inside the transaction
    queued[0]()
    assert len(mail.outbox) == 1


def test_running_a_send_again_mails_no_one_twice(consultation, organiser, commit, framtid, stod):
    batch = start(consultation, organiser, commit, framtid, stod)
    assert deliver_all(consultation=consultation) == [MailState.SENT, MailState.SENT]  # the jobs run again
    assert len(mail.outbox) == 2
    with pytest.raises(ValidationError):
        invitation_send_retry(send_batch=batch, user=organiser)
    with pytest.raises(ValidationError):  # every invitation is sent: a new send has no one to mail
        invitation_send_start(consultation=consultation, user=organiser)


def test_a_mail_server_failure_stays_not_sent_and_visible_then_retry_sends_only_that(
    consultation, organiser, commit, framtid, settings
):
    refused = factories.organisation("refuse@trasig.se", name="Föreningen Trasig")
    settings.EMAIL_BACKEND = REFUSING
    batch = start(consultation, organiser, commit, framtid, refused)
    batch.refresh_from_db()
    assert (batch.sent, batch.failed) == (1, 1)
    failed = invitation_of(refused, consultation)
    assert failed.status == InvitationStatus.NOT_SENT
    assert failed.token_hash is None
    assert "SMTPRecipientsRefused" in failed.last_send_error
    assert batch.deliveries.get(invitation=failed).status == DeliveryStatus.FAILED
    assert [message.to for message in mail.outbox] == [["kansli@framtid.se", "ordforande@framtid.se"]]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is fixed
    with commit():
        invitation_send_retry(send_batch=batch, user=organiser)
    assert [message.to for message in mail.outbox[1:]] == [["refuse@trasig.se"]]  # Framtid not mailed again
    failed.refresh_from_db()
    assert failed.status == InvitationStatus.SENT
    assert failed.last_send_error == ""
    batch.refresh_from_db()
    assert (batch.sent, batch.failed) == (2, 0)


def test_an_unreachable_mail_server_is_tried_again_until_it_gives_up(
    consultation, organiser, commit, framtid, stod, settings
):
    settings.EMAIL_BACKEND = DOWN
    batch = start(consultation, organiser, commit, framtid, stod)
    batch.refresh_from_db()
    assert (batch.sent, batch.failed, batch.total, batch.finished_at) == (0, 0, 2, None)  # waiting to retry
    mails = OutboxMail.objects.filter(consultation=consultation)
    assert {(m.state, m.attempts) for m in mails} == {(MailState.QUEUED, 1)}
    assert all("Connection refused" in m.error and m.next_attempt_at for m in mails)
    for _ in range(settings.SAKRAD_OUTBOX_MAX_ATTEMPTS - 1):
        deliver_all(consultation=consultation)
    batch.refresh_from_db()
    assert (batch.sent, batch.failed) == (0, 2)
    assert batch.finished_at is not None
    assert invitation_of(stod, consultation).status == InvitationStatus.NOT_SENT
    assert "Connection refused" in invitation_of(stod, consultation).last_send_error


def test_the_server_back_before_the_retry_sends_each_once(
    consultation, organiser, commit, framtid, stod, settings
):
    settings.EMAIL_BACKEND = DOWN
    batch = start(consultation, organiser, commit, framtid, stod)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    deliver_all(consultation=consultation)
    deliver_all(consultation=consultation)
    assert sorted(message.to[0] for message in mail.outbox) == ["info@stod.se", "kansli@framtid.se"]
    batch.refresh_from_db()
    assert (batch.sent, batch.failed) == (2, 0)
    assert invitation_of(stod, consultation).status == InvitationStatus.SENT


def test_an_organisation_without_an_address_is_a_visible_failure(consultation, organiser, commit):
    silent = factories.organisation(name="Föreningen Tyst")
    silent.contact_emails = ""
    silent.save()
    with translation.override("en"):
        batch = start(consultation, organiser, commit, silent)
    batch.refresh_from_db()
    assert batch.failed == 1
    assert "no contact email address" in invitation_of(silent, consultation).last_send_error


def test_a_new_send_takes_only_invitations_not_yet_sent(consultation, organiser, commit, framtid, stod):
    start(consultation, organiser, commit, framtid)
    batch = start(consultation, organiser, commit, stod)
    assert [message.to for message in mail.outbox] == [
        ["kansli@framtid.se", "ordforande@framtid.se"],
        ["info@stod.se"],
    ]
    assert batch.total == 1
    assert InvitationSend.objects.count() == 2


def test_no_invitations_go_out_after_the_deadline(organiser, commit, framtid):
    consultation = factories.consultation(deadline_in=dt.timedelta(days=20))
    consultation.rsvp_deadline = timezone.now() - dt.timedelta(minutes=1)
    invitation_create_many(consultation=consultation, organisations=[framtid], user=organiser)
    with pytest.raises(ValidationError):
        invitation_send_start(consultation=consultation, user=organiser)


def test_only_organisers_create_and_send(consultation, framtid):
    participant = User.objects.create_user(email="deltagare@framtid.se", password=None, organisation=framtid)
    with pytest.raises(PermissionDenied):
        invitation_create_many(consultation=consultation, organisations=[framtid], user=participant)
    with pytest.raises(PermissionDenied):
        invitation_send_start(consultation=consultation, user=participant)
    assert mail.outbox == []


def test_adding_organisations_twice_invites_each_once(consultation, organiser, framtid, stod):
    invitation_create_many(consultation=consultation, organisations=[framtid], user=organiser)
    created = invitation_create_many(
        consultation=consultation, organisations=[framtid, stod, stod], user=organiser
    )
    assert [invitation.organisation for invitation in created] == [stod]
    assert consultation.invitations.count() == 2
