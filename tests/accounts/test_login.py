"""Logging in: the published demo password only works where DEBUG is on; nobody signs up."""

import pytest
from django.conf import settings
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse

from accounts.models import User
from tests.factories import PASSWORD, UserFactory
from tests.utils import html

pytestmark = pytest.mark.django_db

EMAIL = "deltagare@example.org"


@pytest.fixture
def demo_user(db):
    return UserFactory(email="demo@example.org", password=settings.DEMO_PASSWORD)


@pytest.fixture
def normal_user(db):
    return UserFactory(email=EMAIL, password=PASSWORD)


def _authenticate(email, password):
    return authenticate(RequestFactory().post("/accounts/login/"), email=email, password=password)


def _log_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def _logged_in_as(client):
    return client.session.get("_auth_user_id")


def test_tests_run_with_debug_off():
    assert settings.DEBUG is False


def test_demo_password_is_refused_when_debug_is_off(demo_user):
    assert demo_user.check_password(settings.DEMO_PASSWORD), "the password is right, the backend says no"
    assert _authenticate(demo_user.email, settings.DEMO_PASSWORD) is None


def test_demo_password_is_accepted_when_debug_is_on(demo_user, settings):
    settings.DEBUG = True
    assert _authenticate(demo_user.email, settings.DEMO_PASSWORD) == demo_user


def test_a_normal_password_works_with_debug_off(normal_user):
    assert _authenticate(EMAIL, PASSWORD) == normal_user
    assert _authenticate(EMAIL, "fel-lösenord-helt-och-hållet") is None


def test_login_form_refuses_the_demo_password(client, demo_user):
    response = _log_in(client, demo_user.email, settings.DEMO_PASSWORD)
    assert response.status_code == 200, "the form is shown again"
    assert response.context["form"].errors
    assert not _logged_in_as(client)


def test_login_form_accepts_the_demo_password_under_debug(client, demo_user, settings):
    settings.DEBUG = True
    response = _log_in(client, demo_user.email, settings.DEMO_PASSWORD)
    assert response.status_code == 302
    assert _logged_in_as(client) == str(demo_user.pk)


def test_login_form_accepts_a_normal_password(client, normal_user):
    response = _log_in(client, EMAIL, PASSWORD)
    assert response.status_code == 302
    assert _logged_in_as(client) == str(normal_user.pk)


def test_email_is_the_login_whatever_its_case(client, normal_user):
    response = _log_in(client, EMAIL.upper(), PASSWORD)
    assert response.status_code == 302
    assert _logged_in_as(client) == str(normal_user.pk)


def test_email_is_stored_in_lower_case_and_mirrored_as_username(db):
    user = User.objects.create_user(email="Anna.Andersson@Example.ORG", password=PASSWORD)
    assert user.email == "anna.andersson@example.org"
    assert user.username == user.email


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_public_signup_is_closed(client, prefix):
    response = client.get(f"{prefix}/accounts/signup/")
    assert response.status_code == 200
    assert "account/signup_closed.html" in [template.name for template in response.templates]
    document = html(response)
    assert not document.select("input[type=password]")
    assert not document.select("input[name=email]")


def test_posting_to_signup_creates_nobody(client):
    before = User.objects.count()
    client.post(
        "/accounts/signup/",
        {"email": "ny@example.org", "password1": "Långt-lösenord-99", "password2": "Långt-lösenord-99"},
    )
    assert User.objects.count() == before
    assert not User.objects.filter(email="ny@example.org").exists()
