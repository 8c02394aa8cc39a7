"""The contact person updates the organisation's details by their personal link: no account, the link
is the key. Opening it changes nothing; a forged, replaced or expired link names nobody."""

from __future__ import annotations

import datetime as dt

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from organisation_details.log_actions import DETAILS_UPDATE
from organisations.models import ContactLink, Organisation
from outbox.models import OutboxMail

from .conftest import details_post

pytestmark = pytest.mark.django_db


def snapshot(organisation):
    organisation.refresh_from_db()
    return model_to_dict(organisation), ModelLogEntry.objects.filter(object_id=str(organisation.pk)).count()


def test_the_contact_person_updates_the_details_by_the_link(client, organisation, link, themes):
    page = client.get(link["sv"])
    assert page.status_code == 200
    assert "Föreningen Framtid" in page.content.decode()
    assert 'value="Anna Lind"' in page.content.decode()

    response = client.post(
        link["sv"],
        details_post(
            organisation,
            name="Föreningen Framtid Sverige",
            county="C",
            themes=[str(themes[0].pk), str(themes[1].pk)],
            description="Vi arbetar med ungas fritid.\nI hela landet.",
            may_be_shown="",
        ),
    )
    assert response.status_code == 302 and response["Location"] == link["sv"]
    organisation.refresh_from_db()
    assert organisation.name == "Föreningen Framtid Sverige"
    assert organisation.county == "C"
    assert set(organisation.themes.all()) == set(themes)
    assert organisation.description == "Vi arbetar med ungas fritid.\nI hela landet."
    assert organisation.may_be_shown is False
    assert client.get(link["sv"]).status_code == 200  # the link keeps working until it expires

    entry = ModelLogEntry.objects.get(action=DETAILS_UPDATE)
    assert entry.object_id == str(organisation.pk) and entry.user is None
    changed = {change["field"]: (change["old"], change["new"]) for change in entry.data["changes"]}
    assert changed["name"] == ("Föreningen Framtid", "Föreningen Framtid Sverige")
    assert changed["county"] == ("AB", "C")
    assert changed["may_be_shown"] == (True, False)
    assert set(changed) == {"name", "county", "themes", "description", "may_be_shown"}


def test_the_page_is_in_english_under_en(client, link):
    page = client.get(link["en"]).content.decode()
    assert 'lang="en"' in page
    assert "Name of the organisation" in page and "Save the details" in page


def test_saving_the_same_details_changes_nothing_and_logs_nothing(client, organisation, link):
    before = snapshot(organisation)
    response = client.post(link["sv"], details_post(organisation), follow=True)
    assert response.status_code == 200
    assert snapshot(organisation) == before


def test_opening_the_link_changes_nothing(client, organisation, link):
    before = snapshot(organisation)
    assert client.get(link["sv"]).status_code == 200
    assert client.head(link["sv"]).status_code == 200
    assert snapshot(organisation) == before
    assert "no-store" in client.get(link["sv"])["Cache-Control"]


@pytest.mark.parametrize("token", ["A" * 43, "kort", "x" * 200, "%3Cscript%3E"])
def test_a_forged_link_is_a_404_that_names_nobody(organisation, link, token):
    client = Client()
    before = snapshot(organisation)
    for response in (
        client.get(f"/organisation/lank/{token}/"),
        client.post(f"/organisation/lank/{token}/", details_post(organisation, name="Kapad")),
    ):
        assert response.status_code == 404
        assert "Framtid" not in response.content.decode()
        assert "Anna" not in response.content.decode()
    assert snapshot(organisation) == before


def test_an_expired_link_is_a_410_that_names_nobody_and_changes_nothing(client, organisation, link):
    ContactLink.objects.filter(organisation=organisation).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    before = snapshot(organisation)
    response = client.post(link["sv"], details_post(organisation, name="För sent"))
    assert response.status_code == 410
    assert "Framtid" not in response.content.decode()
    assert client.get(link["en"]).status_code == 410
    assert snapshot(organisation) == before


def test_a_new_link_replaces_the_old_one(client, organisation, link, send_link):
    newer = send_link(organisation)
    assert client.get(link["sv"]).status_code == 404
    assert client.get(newer["sv"]).status_code == 200
    assert ContactLink.objects.filter(organisation=organisation).count() == 1


def test_only_the_hash_of_the_link_is_stored(organisation, link):
    token = link["sv"].rstrip("/").rsplit("/", 1)[1]
    stored = ContactLink.objects.get(organisation=organisation)
    assert token not in str(model_to_dict(stored))
    assert not any(token in str(row) for row in OutboxMail.objects.values_list("context", flat=True))


def test_another_organisations_link_never_edits_this_one(client, organisation, send_link):
    other = Organisation.objects.create(
        name="Stiftelsen Stöd", kind="foundation", contact_email="stod@example.org"
    )
    theirs = send_link(other)
    before = snapshot(organisation)
    # The form has no say over which organisation it writes: the link decides.
    client.post(theirs["sv"], details_post(other, name="Stiftelsen Stöd och Hjälp", pk=organisation.pk))
    assert snapshot(organisation) == before
    other.refresh_from_db()
    assert other.name == "Stiftelsen Stöd och Hjälp"


def test_staff_changing_the_contact_email_in_the_admin_ends_the_old_link(client, organisation, link):
    organisation.contact_email = "ny@framtid.example.org"
    organisation.save()
    assert client.get(link["sv"]).status_code == 404
