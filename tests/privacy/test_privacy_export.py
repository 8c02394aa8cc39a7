"""A participant downloads what the platform holds about them, and only that."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.urls import reverse

from invitations.models import Attendee, Invitation

EXPORT_URL = "/konto/mina-uppgifter/"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def test_the_url_is_the_swedish_one():
    assert reverse("privacy:export") == EXPORT_URL


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get(EXPORT_URL)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert "next=" in response.url


@pytest.mark.django_db
def test_export_holds_my_data_and_nobody_elses(client, participant, other_participant, consultation_factory):
    mine = consultation_factory(title="Sakråd om fritid")
    theirs = consultation_factory(title="Hemligt sakråd")
    Invitation.objects.create(consultation=mine, organisation=participant.organisation, status="accepted")
    Invitation.objects.create(consultation=theirs, organisation=other_participant.organisation)
    EmailAddress.objects.create(user=participant, email=participant.email, primary=True, verified=True)
    EmailAddress.objects.create(user=other_participant, email=other_participant.email, primary=True)
    # My organisation's contact list names someone else: that address is theirs, not mine.
    participant.organisation.contact_emails = f"{participant.email}\n{other_participant.email}"
    participant.organisation.save()
    client.force_login(participant)

    response = client.get(EXPORT_URL)

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["account"]["email"] == participant.email
    assert data["account"]["first_name"] == participant.first_name
    assert data["organisation"]["name"] == participant.organisation.name
    assert data["listed_as_contact_for"] == [participant.organisation.name]
    assert data["email_addresses"] == [{"email": participant.email, "verified": True, "primary": True}]
    assert [row["consultation"] for row in data["invitations"]] == ["Sakråd om fritid"]
    text = response.content.decode()
    for leaked in (other_participant.email, other_participant.first_name, "Hemligt sakråd",
                   other_participant.organisation.name):
        assert leaked not in text


@pytest.mark.django_db
def test_export_names_second_factors_but_never_their_secrets(client, participant):
    Authenticator.objects.create(user=participant, type=Authenticator.Type.TOTP, data={"secret": TOTP_SECRET})
    client.force_login(participant)

    response = client.get(EXPORT_URL)

    assert len(json.loads(response.content)["mfa_authenticators"]) == 1
    assert TOTP_SECRET not in response.content.decode()


@pytest.mark.django_db
def test_export_is_a_private_download(client, participant):
    client.force_login(participant)

    response = client.get(EXPORT_URL)

    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".json" in response["Content-Disposition"]
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


@pytest.mark.django_db
def test_export_counts_records_that_name_me(client, participant, consultation_factory):
    consultation_factory().save_revision(user=participant)
    client.force_login(participant)

    records = json.loads(client.get(EXPORT_URL).content)["records"]

    revisions = next(row for row in records if row["model"] == "wagtailcore.Revision")
    assert revisions["count"] == 1
    assert revisions["purpose"]
    assert revisions["retention"]


@pytest.mark.django_db
def test_export_only_answers_get(client, participant):
    client.force_login(participant)
    assert client.post(EXPORT_URL).status_code == 405


@pytest.mark.django_db
def test_export_holds_my_attendance_and_needs_but_not_a_colleagues(
    client, participant, consultation_factory
):
    page = consultation_factory()
    invitation = Invitation.objects.create(consultation=page, organisation=participant.organisation)
    Attendee.objects.create(
        invitation=invitation, consultation=page, user=participant, name="Min Egen",
        email=participant.email, dietary_needs="Vegetarisk",
    )
    # A colleague's row, with no account link: their needs must never reach my export.
    Attendee.objects.create(
        invitation=invitation, consultation=page, name="Kollega", email="kollega@example.org",
        dietary_needs="Glutenfri",
    )
    client.force_login(participant)

    response = client.get(EXPORT_URL)

    attendances = json.loads(response.content)["attendances"]
    assert [(row["name"], row["dietary_needs"]) for row in attendances] == [("Min Egen", "Vegetarisk")]
    assert "Glutenfri" not in response.content.decode()
    assert "kollega@example.org" not in response.content.decode()
