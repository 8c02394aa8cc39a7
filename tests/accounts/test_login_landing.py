"""Where a login lands (accounts/adapter.py): without ?next=, a participant on their own page (where
their consultations and groups are), staff in the admin; ?next= always wins. The same for every way
in: password, e-mailed code (the invitation's login link leads there), and after a second factor."""

import time
from urllib.parse import urlencode, urlsplit

import pytest
from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth import SESSION_KEY
from django.test import Client
from django.urls import reverse

from tests.registry import PARTICIPANT_ROLES, STAFF_ROLES


@pytest.fixture
def world(shared_world):
    """One world for the module: each test still runs in its own savepoint and changes nothing lasting."""
    return shared_world


ADMIN = "/admin/"
LANDING = {"sv": "/mina-sidor/", "en": "/en/mina-sidor/"}
PREFIX = {"sv": "", "en": "/en"}


def landed(response) -> str:
    assert response.status_code == 302, response.status_code
    return urlsplit(response["Location"]).path


def password_login(client, email, password, *, language="sv", next_url=None) -> str:
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    response = client.post(
        f"{PREFIX[language]}/accounts/login/{query}", {"login": email, "password": password}
    )
    assert SESSION_KEY in client.session, "not logged in"
    return landed(response)


@pytest.fixture
def known_code(monkeypatch):
    """allauth's login code, known to the test: the e-mail it goes out in is another test's business."""
    code = DefaultAccountAdapter().generate_login_code()
    monkeypatch.setattr(DefaultAccountAdapter, "generate_login_code", lambda self: code)
    return code


def code_login(client, email, code, *, language="sv", next_url=None) -> str:
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    request = client.post(f"{PREFIX[language]}/accounts/login/code/{query}", {"email": email})
    assert landed(request) == f"{PREFIX[language]}/accounts/login/code/confirm/"
    response = client.post(request["Location"], {"code": code})  # ?next= is passed along in it
    assert SESSION_KEY in client.session, "not logged in"
    return landed(response)


@pytest.mark.parametrize("role", PARTICIPANT_ROLES)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_participant_lands_on_their_own_page(world, role, language):
    email = world.user(role).email
    assert password_login(Client(), email, world.password, language=language) == LANDING[language]


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_land_in_the_admin(world, role):
    assert password_login(Client(), world.user(role).email, world.password) == ADMIN


@pytest.mark.parametrize("role", ["participant", "organiser"])
def test_next_wins(world, role):
    group = world.breakout_group.url
    assert password_login(Client(), world.user(role).email, world.password, next_url=group) == group


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_participant_who_logs_in_by_code_lands_on_their_own_page(world, known_code, language):
    """The invitation's login e-mail links to "send me a code" (invitations/mail.py): this is that way in."""
    client = Client()
    email = world.user("group_member").email
    assert code_login(client, email, known_code, language=language) == LANDING[language]
    page = client.get(LANDING[language])
    assert world.breakout_group.name in page.content.decode()


def test_a_code_login_keeps_its_next(world, known_code):
    group = world.breakout_group.url
    client = Client()
    assert code_login(client, world.user("group_member").email, known_code, next_url=group) == group


def test_staff_with_a_second_factor_land_in_the_admin_after_it(world):
    from allauth.mfa import app_settings as mfa_settings
    from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value

    organiser = world.user("organiser")
    secret = generate_totp_secret()
    TOTP.activate(organiser, secret)
    client = Client()
    response = client.post(reverse("account_login"), {"login": organiser.email, "password": world.password})
    assert landed(response) == reverse("mfa_authenticate")
    code = format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))
    assert landed(client.post(reverse("mfa_authenticate"), {"code": code})) == ADMIN
    assert SESSION_KEY in client.session


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("participant", LANDING["sv"]),
        ("group_member", LANDING["sv"]),
        ("organiser", ADMIN),
        ("superuser", ADMIN),
    ],
)
def test_someone_logged_in_who_opens_the_login_is_sent_to_their_landing(world, role, expected):
    assert landed(world.client_for(role).get(reverse("account_login"))) == expected
    assert landed(world.client_for(role).get(reverse("account_request_login_code"))) == expected
