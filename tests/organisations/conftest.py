"""An organisation with a contact person, the contact's personal link read out of the mail (as they
would follow it), and the outbox's jobs run on commit."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client

from organisation_details.services import contact_link_send
from tests.factories import OrganisationFactory, ThemeFactory, UserFactory

LINK = re.compile(r"https?://[^\s\"<>]*?(/(?:en/)?organisation/lank/[A-Za-z0-9_-]{43}/)")
CONFIRM = re.compile(r"https?://[^\s\"<>]*?(/(?:en/)?organisation/bekrafta/[A-Za-z0-9_-]{43}/)")
CONTACT = "kontakt@framtid.example.org"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs what the code queued for after the commit (the outbox's jobs)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def themes(db):
    return [ThemeFactory(name="Unga och trygghet"), ThemeFactory(name="Civilsamhällets villkor")]


@pytest.fixture
def organisation(db):
    return OrganisationFactory(
        name="Föreningen Framtid",
        kind="association",
        county="AB",
        contact_name="Anna Lind",
        contact_email=CONTACT,
        contact_emails="kansli@framtid.example.org",
    )


def paths_in(message, pattern=LINK) -> dict[str, str]:
    found = pattern.findall(message.body)
    return {
        "sv": next(path for path in found if not path.startswith("/en/")),
        "en": next(path for path in found if path.startswith("/en/")),
    }


@pytest.fixture
def send_link(commit, organiser):
    """Staff send the contact person their link; returns its Swedish and English paths."""

    def send(organisation) -> dict[str, str]:
        before = len(mail.outbox)
        with commit():
            contact_link_send(organisation=organisation, user=organiser)
        [message] = mail.outbox[before:]
        assert message.to == [organisation.contact_email]
        return paths_in(message)

    return send


@pytest.fixture
def link(send_link, organisation) -> dict[str, str]:
    return send_link(organisation)


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def contact_account(organisation):
    """The contact person's own account: its address is the contact e-mail."""
    return UserFactory(email=CONTACT, first_name="Anna", last_name="Lind", organisation=organisation)


def details_post(organisation, **changes) -> dict:
    """The form as the page shows it, with `changes` on top."""
    data = {
        "name": organisation.name,
        "contact_name": organisation.contact_name,
        "contact_email": organisation.contact_email,
        "county": organisation.county,
        "themes": [str(pk) for pk in organisation.themes.values_list("pk", flat=True)],
        "description": organisation.description,
        "may_be_shown": "on" if organisation.may_be_shown else "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}
