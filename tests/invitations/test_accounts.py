"""Accepting creates or links an account for each named attendee (no password, the organisation set),
and each gets a login email; logging in by emailed code then works for them."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from invitations.services import AttendeeData, rsvp_accept

from . import factories
from .conftest import invitation_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def framtid():
    return factories.organisation("kansli@framtid.se", name="Föreningen Framtid")


@pytest.fixture
def token(consultation, invite, framtid):
    [token] = invite(consultation, framtid)
    mail.outbox.clear()
    return token


def test_accepting_creates_accounts_without_passwords(consultation, framtid, token, commit):
    with commit():
        rsvp_accept(token=token, attendees=[AttendeeData(name="Anna Maria Lind", email="Anna@Framtid.se")])
    user = User.objects.get(email="anna@framtid.se")
    assert not user.has_usable_password()
    assert user.organisation == framtid
    assert (user.first_name, user.last_name) == ("Anna Maria", "Lind")
    assert not user.is_staff
    assert EmailAddress.objects.filter(user=user, email="anna@framtid.se", primary=True).exists()
    assert invitation_of(framtid, consultation).attendees.get().user == user


def test_an_existing_account_is_linked_not_duplicated(consultation, framtid, token, commit):
    # Of this organisation, or of none (which then gets this one). Another organisation's account is
    # never linked by a link: test_rsvp_reach.py.
    own = User.objects.create_user(email="anna@framtid.se", password=None, organisation=framtid)
    loose = User.objects.create_user(email="omar@framtid.se", password=None, first_name="Omar")
    with commit():
        rsvp_accept(
            token=token,
            attendees=[
                AttendeeData(name="Anna Lind", email="anna@framtid.se"),
                AttendeeData(name="Omar Said", email="Omar@Framtid.se"),
            ],
        )
    assert User.objects.filter(email__in=["anna@framtid.se", "omar@framtid.se"]).count() == 2
    loose.refresh_from_db()
    assert loose.organisation == framtid and loose.first_name == "Omar"  # names are the account's own
    attendees = invitation_of(framtid, consultation).attendees.order_by("pk")
    assert [attendee.user for attendee in attendees] == [own, loose]


def test_each_attendee_gets_a_login_email_in_swedish_and_english(token, commit):
    with commit():
        rsvp_accept(
            token=token,
            attendees=[
                AttendeeData(name="Anna Lind", email="anna@framtid.se"),
                AttendeeData(name="Omar Said", email="omar@framtid.se"),
            ],
        )
    assert sorted(message.to for message in mail.outbox) == [["anna@framtid.se"], ["omar@framtid.se"]]
    message = next(message for message in mail.outbox if message.to == ["anna@framtid.se"])
    body = message.body
    assert body.index("http://testserver/accounts/login/code/") < body.index(
        "http://testserver/en/accounts/login/code/"
    )
    assert "Hello Anna Lind," in body
    assert "No password is needed" in body
    [(html, mimetype)] = message.alternatives
    assert mimetype == "text/html" and 'href="http://testserver/en/accounts/login/code/"' in html


def test_changing_the_list_emails_only_the_new_person(token, commit):
    with commit():
        rsvp_accept(token=token, attendees=[AttendeeData(name="Anna Lind", email="anna@framtid.se")])
    mail.outbox.clear()
    with commit():
        rsvp_accept(
            token=token,
            attendees=[
                AttendeeData(name="Anna Lind", email="anna@framtid.se"),
                AttendeeData(name="Omar Said", email="omar@framtid.se"),
            ],
        )
    assert [message.to for message in mail.outbox] == [["omar@framtid.se"]]


def test_an_attendee_logs_in_by_emailed_code(client, token, commit):
    with commit():
        rsvp_accept(token=token, attendees=[AttendeeData(name="Anna Lind", email="anna@framtid.se")])
    mail.outbox.clear()
    response = client.post("/en/accounts/login/code/", {"email": "anna@framtid.se"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == ["anna@framtid.se"]
    code = re.search(r"^([A-Z0-9]{4}-[A-Z0-9]{4})$", message.body, re.MULTILINE).group(1)
    response = client.post(response["Location"], {"code": code})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(User.objects.get(email="anna@framtid.se").pk)
