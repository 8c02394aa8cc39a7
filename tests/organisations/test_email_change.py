"""A new contact e-mail takes effect only when confirmed from the new address; until then the old one
holds, and the page says a confirmation is pending."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from organisation_details.log_actions import EMAIL_CHANGE_CONFIRM
from organisation_details.services import contact_links_erase
from organisations.models import ContactEmailChange
from tests.factories import UserFactory

from .conftest import CONFIRM, CONTACT, LINK, details_post, logged_in, paths_in

pytestmark = pytest.mark.django_db
NEW = "ny.kontakt@framtid.example.org"


@pytest.fixture
def asked(client, organisation, link, commit) -> dict[str, str]:
    """The contact person asked for a new address by their link; the confirmation mail's paths."""
    before = len(mail.outbox)
    with commit():
        response = client.post(link["sv"], details_post(organisation, contact_email=NEW))
    assert response.status_code == 302
    [message] = mail.outbox[before:]
    assert message.to == [NEW]
    return paths_in(message, CONFIRM)


def test_the_old_address_holds_until_the_new_one_confirms(client, organisation, link, asked):
    organisation.refresh_from_db()
    assert organisation.contact_email == CONTACT
    page = client.get(link["sv"]).content.decode()
    assert "data-pending-email" in page and NEW in page


def test_opening_the_confirmation_changes_nothing(organisation, asked):
    page = Client().get(asked["sv"])
    assert page.status_code == 200 and NEW in page.content.decode()
    organisation.refresh_from_db()
    assert organisation.contact_email == CONTACT


def test_confirming_makes_it_the_contact_email_and_hands_the_link_over(
    client, organisation, link, asked, commit
):
    before = len(mail.outbox)
    with commit():
        response = Client().post(asked["en"])
    assert response.status_code == 200 and NEW in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.contact_email == NEW
    assert not ContactEmailChange.objects.exists()
    # The old contact's link stops working; the new contact gets one of their own.
    assert client.get(link["sv"]).status_code == 404
    [message] = mail.outbox[before:]
    assert message.to == [NEW] and LINK.search(message.body)
    assert client.get(paths_in(message)["sv"]).status_code == 200
    entry = ModelLogEntry.objects.get(action=EMAIL_CHANGE_CONFIRM)
    assert entry.data["changes"] == [{"field": "contact_email", "old": CONTACT, "new": NEW}]
    # A confirmation link works once.
    assert Client().post(asked["sv"]).status_code == 404


def test_an_expired_confirmation_is_a_410_and_changes_nothing(organisation, asked):
    ContactEmailChange.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert Client().post(asked["sv"]).status_code == 410
    organisation.refresh_from_db()
    assert organisation.contact_email == CONTACT
    assert contact_links_erase() == 1 and not ContactEmailChange.objects.exists()


def test_a_forged_confirmation_is_a_404(organisation, asked):
    assert Client().post("/organisation/bekrafta/" + "A" * 43 + "/").status_code == 404
    organisation.refresh_from_db()
    assert organisation.contact_email == CONTACT


def test_the_new_address_opens_nothing_before_it_is_confirmed(organisation, asked):
    waiting = UserFactory(email=NEW, organisation=organisation)
    path = f"/organisation/{organisation.pk}/"
    assert logged_in(waiting).get(path).status_code == 404


def test_asking_again_mails_once_and_the_old_address_withdraws_it(client, organisation, link, asked, commit):
    before = len(mail.outbox)
    with commit():
        client.post(link["sv"], details_post(organisation, contact_email=NEW.upper()))
    assert len(mail.outbox) == before
    with commit():
        client.post(link["sv"], details_post(organisation, contact_email=CONTACT))
    assert not ContactEmailChange.objects.exists()
    assert Client().get(asked["sv"]).status_code == 404


def test_saving_other_details_meanwhile_keeps_the_change_waiting(client, organisation, link, asked, commit):
    page = client.get(link["sv"]).content.decode()
    assert f'value="{NEW}"' in page  # the form shows the address asked for
    before = len(mail.outbox)
    with commit():
        client.post(link["sv"], details_post(organisation, contact_email=NEW, description="Ny text."))
    assert len(mail.outbox) == before
    assert ContactEmailChange.objects.get().email == NEW
    organisation.refresh_from_db()
    assert (organisation.description, organisation.contact_email) == ("Ny text.", CONTACT)
