"""Whether an organisation may be shown: a consultation's public page names only those that allow it and
counts the rest. And the contact person's data leaves with the person."""

from __future__ import annotations

import pytest

from invitations.models import InvitationStatus
from organisations.models import ContactEmailChange
from privacy.services import person_erase, person_export
from tests.factories import ConsultationPageFactory, InvitationFactory, OrganisationFactory, UserFactory

from .conftest import CONTACT

pytestmark = pytest.mark.django_db


def test_an_organisation_that_may_not_be_shown_is_counted_not_named(client, index):
    consultation = ConsultationPageFactory(parent=index)
    shown = OrganisationFactory(name="Föreningen Synlig")
    hidden = OrganisationFactory(name="Föreningen Anonym", may_be_shown=False)
    for organisation in (shown, hidden):
        InvitationFactory(
            consultation=consultation, organisation=organisation, status=InvitationStatus.ACCEPTED
        )
    page = client.get("/en" + consultation.url).content.decode()
    assert "Föreningen Synlig" in page
    assert "Föreningen Anonym" not in page
    assert "2 organisations have been invited." in page
    assert "One of them has asked not to be named here." in page


def test_erasing_the_contact_person_takes_their_name_and_address(organisation):
    person = UserFactory(email=CONTACT, organisation=organisation)
    ContactEmailChange.objects.create(
        organisation=OrganisationFactory(name="Stiftelsen Stöd"),
        email=CONTACT.upper(),
        expires_at="2099-01-01T00:00Z",
    )
    assert organisation.name in person_export(user=person)["listed_as_contact_for"]
    superuser = UserFactory(email="admin@example.org", is_superuser=True)
    person_erase(person=person, user=superuser, mode="pseudonymise")
    organisation.refresh_from_db()
    assert (organisation.contact_name, organisation.contact_email) == ("", "")
    assert not ContactEmailChange.objects.exists()
    assert organisation.contact_emails == "kansli@framtid.example.org"
