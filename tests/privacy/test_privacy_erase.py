"""Erasure: the person's data goes, kept records stay without their name, and it is audited."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied, ValidationError
from wagtail.log_actions import log
from wagtail.models import Comment, ModelLogEntry, PageLogEntry, Revision

from invitations.models import Attendee, Invitation
from outbox.models import OutboxMail
from privacy.erasure import pseudonym_for
from privacy.services import PERSON_ERASE_ACTION, person_erase

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def superuser():
    return User.objects.create_superuser(email="chef@example.org", password="a-long-test-password")


@pytest.fixture
def traces(client, participant, consultation_factory):
    """A participant with an address, a second factor, a session, a version and log entries."""
    email = participant.email
    EmailAddress.objects.create(user=participant, email=email, primary=True, verified=True)
    Authenticator.objects.create(user=participant, type=Authenticator.Type.TOTP, data={"secret": "X"})
    participant.organisation.contact_emails = f"info@example.org\n{email.upper()}"
    participant.organisation.save()
    page = consultation_factory()
    revision = page.save_revision(user=participant)
    log(instance=page, action="wagtail.edit", user=participant)
    log(instance=participant, action="wagtail.edit")  # labelled with the account's name: the email
    client.force_login(participant)
    return {"email": email, "page": page, "revision": revision, "organisation": participant.organisation}


def test_pseudonymise_replaces_name_and_email_and_removes_login(traces, participant, registrar):
    person_erase(person=participant, user=registrar, mode="pseudonymise")

    participant.refresh_from_db()
    assert participant.first_name == pseudonym_for(user=participant)
    assert participant.first_name.startswith("Deltagare ")
    assert participant.last_name == ""
    assert participant.email == participant.username == f"erased-{participant.pk}@invalid"
    assert not participant.is_active
    assert not participant.has_usable_password()
    assert participant.organisation is None
    assert not EmailAddress.objects.filter(user=participant).exists()
    assert not Authenticator.objects.filter(user=participant).exists()
    assert not any(s.get_decoded().get("_auth_user_id") == str(participant.pk) for s in Session.objects.all())


def test_pseudonymise_keeps_authored_records_without_the_name(traces, participant, registrar):
    person_erase(person=participant, user=registrar, mode="pseudonymise")

    assert Revision.objects.get(pk=traces["revision"].pk).user_id == participant.pk
    assert PageLogEntry.objects.filter(user_id=participant.pk, action="wagtail.edit").exists()
    about_account = ModelLogEntry.objects.get(object_id=str(participant.pk), action="wagtail.edit")
    assert traces["email"] not in about_account.label


def test_the_address_leaves_organisation_contact_lists(traces, participant, registrar):
    person_erase(person=participant, user=registrar, mode="pseudonymise")

    traces["organisation"].refresh_from_db()
    assert traces["organisation"].contact_email_list == ["info@example.org"]


def test_the_mails_to_the_person_leave_the_outbox(traces, participant, registrar):
    to_them = OutboxMail.objects.create(key="a", purpose="test", to=[traces["email"]], body="Hej Anna")
    to_others = OutboxMail.objects.create(key="b", purpose="test", to=["info@example.org"])
    person_erase(person=participant, user=registrar, mode="pseudonymise")

    assert list(OutboxMail.objects.values_list("pk", flat=True)) == [to_others.pk]
    assert not OutboxMail.objects.filter(pk=to_them.pk).exists()


def test_the_pseudonym_is_stable_and_personal(participant, other_participant):
    assert pseudonym_for(user=participant) == pseudonym_for(user=User.objects.get(pk=participant.pk))
    assert pseudonym_for(user=participant) != pseudonym_for(user=other_participant)


def test_erase_deletes_the_account_and_keeps_versions_unattributed(traces, participant, registrar):
    person_erase(person=participant, user=registrar, mode="erase")

    assert not User.objects.filter(pk=participant.pk).exists()
    assert Revision.objects.get(pk=traces["revision"].pk).user_id is None
    assert PageLogEntry.objects.filter(action="wagtail.edit", page=traces["page"]).exists()


def test_erase_refuses_when_kept_records_would_go_with_the_account(
    participant, registrar, consultation_factory
):
    page = consultation_factory()
    Comment.objects.create(page=page, user=participant, text="Bra fråga", contentpath="title")

    with pytest.raises(ValidationError):
        person_erase(person=participant, user=registrar, mode="erase")

    assert Comment.objects.filter(user=participant).exists()
    assert User.objects.get(pk=participant.pk).is_active


def test_the_audit_entry_names_ids_never_the_erased_data(traces, participant, registrar):
    person_erase(person=participant, user=registrar, mode="pseudonymise")

    entry = ModelLogEntry.objects.get(action=PERSON_ERASE_ACTION)
    assert entry.user_id == registrar.pk
    assert entry.object_id == str(participant.pk)
    assert entry.data["erased_user_id"] == participant.pk
    assert entry.data["mode"] == "pseudonymise"
    recorded = f"{entry.label} {json.dumps(entry.data)} {entry.message}"
    assert traces["email"] not in recorded.lower()
    assert traces["email"].split("@")[0] not in recorded
    assert str(participant.pk) in entry.message


def test_erasure_needs_the_permission(participant, editor):
    with pytest.raises(PermissionDenied):
        person_erase(person=participant, user=editor, mode="pseudonymise")


def test_nobody_erases_themselves(registrar):
    with pytest.raises(PermissionDenied):
        person_erase(person=registrar, user=registrar, mode="pseudonymise")


def test_the_permission_does_not_reach_superusers(registrar, superuser):
    with pytest.raises(PermissionDenied):
        person_erase(person=superuser, user=registrar, mode="pseudonymise")
    person_erase(person=registrar, user=superuser, mode="pseudonymise")


def test_erasure_deletes_the_persons_attendee_rows_and_their_needs(
    participant, registrar, consultation_factory
):
    page = consultation_factory()
    invitation = Invitation.objects.create(consultation=page, organisation=participant.organisation)
    Attendee.objects.create(
        invitation=invitation,
        consultation=page,
        user=participant,
        name="Min Egen",
        email=participant.email,
        access_needs=["wheelchair"],
    )

    person_erase(person=participant, user=registrar, mode="pseudonymise")

    assert not Attendee.objects.filter(invitation=invitation).exists()
    assert Invitation.objects.filter(pk=invitation.pk).exists()
