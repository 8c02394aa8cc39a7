"""Logged in, the contact person finds the organisation on Mina sidor and updates it there; nobody
else finds that page, however they are logged in."""

from __future__ import annotations

import pytest
from django.forms.models import model_to_dict
from django.urls import reverse
from wagtail.models import ModelLogEntry

from organisation_details.log_actions import DETAILS_UPDATE
from organisations.models import Organisation
from tests.factories import UserFactory

from .conftest import details_post, logged_in

pytestmark = pytest.mark.django_db


def mine(organisation) -> str:
    return reverse("organisation_details:mine", args=[organisation.pk])


def test_the_contact_person_finds_it_on_my_page_and_updates_it(organisation, contact_account, themes):
    client = logged_in(contact_account)
    my_page = client.get(reverse("accounts:my_page")).content.decode()
    assert f'href="{mine(organisation)}"' in my_page
    assert client.get(mine(organisation)).status_code == 200

    response = client.post(mine(organisation), details_post(organisation, themes=[str(themes[1].pk)]))
    assert response.status_code == 302
    assert list(organisation.themes.all()) == [themes[1]]
    entry = ModelLogEntry.objects.get(action=DETAILS_UPDATE)
    assert entry.user == contact_account
    assert entry.data["changes"] == [{"field": "themes", "old": [], "new": ["Civilsamhällets villkor"]}]


def test_the_address_match_ignores_case(organisation, contact_account):
    organisation.contact_email = organisation.contact_email.upper()
    organisation.save()
    assert logged_in(contact_account).get(mine(organisation)).status_code == 200


def test_anonymous_visitors_are_sent_to_the_login(client, organisation):
    response = client.get(mine(organisation))
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["other contact", "member", "organiser"])
def test_nobody_else_finds_or_changes_it(organisation, contact_account, who, organiser):
    other = Organisation.objects.create(
        name="Stiftelsen Stöd", kind="foundation", contact_email="stod@example.org"
    )
    user = {
        "other contact": lambda: UserFactory(email="stod@example.org", organisation=other),
        "member": lambda: UserFactory(email="medlem@framtid.example.org", organisation=organisation),
        "organiser": lambda: organiser,
    }[who]()
    client = logged_in(user)
    before = model_to_dict(organisation)
    assert client.get(mine(organisation)).status_code == 404
    assert client.post(mine(organisation), details_post(organisation, name="Kapad")).status_code == 404
    organisation.refresh_from_db()
    assert model_to_dict(organisation) == before
    assert f'href="{mine(organisation)}"' not in client.get(reverse("accounts:my_page")).content.decode()


def test_an_unknown_organisation_is_a_404(contact_account):
    assert (
        logged_in(contact_account).get(reverse("organisation_details:mine", args=[99999])).status_code == 404
    )
