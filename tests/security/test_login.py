"""allauth is the only way in, and it holds: other login URLs only forward there, guessing is rate
limited, nobody signs up, and the published demo password opens nothing outside DEBUG."""

import time
from types import ModuleType
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.views import LoginView as DjangoLoginView
from django.test import Client
from django.urls import Resolver404, path, resolve, reverse
from django.utils import translation
from wagtail.admin.views.account import LoginView as WagtailAdminLoginView

from accounts.models import User
from sakrad.urls import login_or_refuse
from tests.security.urlwalk import Route, walk_http

LOGIN = "/accounts/login/"


# --- Inventory: the views that can log someone in ------------------------------------------------


def is_login_view(route: Route) -> bool:
    view_class = getattr(route.view, "view_class", None)
    if view_class is not None and issubclass(view_class, DjangoLoginView | WagtailAdminLoginView):
        return True
    names = (route.name or "", getattr(route.view, "__name__", ""), getattr(view_class, "__name__", ""))
    return any("login" in name.lower() for name in names)


def reachable(route: Route, urlconf=None) -> bool:
    """Whether requests for this route reach its view, rather than one listed before it."""
    if any(mark in route.route for mark in "<(^$"):
        return True  # parameters: cannot try it, so assume the worst
    try:
        return resolve("/" + route.route, urlconf).func is route.view
    except Resolver404:
        return False


def foreign_login_views(routes: list[Route], urlconf=None) -> list[Route]:
    return [
        route
        for route in routes
        if is_login_view(route)
        and route.view is not login_or_refuse
        and not route.module.startswith("allauth.")
        and reachable(route, urlconf)
    ]


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES])
def test_only_allauth_logs_anyone_in(language):
    with translation.override(language):
        found = foreign_login_views(list(walk_http()))
    assert not found, "login views outside allauth:\n" + "\n".join(f"  {r.route} ({r.module})" for r in found)


def test_the_inventory_notices_a_new_login_form():
    urlconf = ModuleType("fake_urls")
    urlconf.urlpatterns = [path("konto/logga-in/", DjangoLoginView.as_view(), name="konto_login")]
    found = foreign_login_views(list(walk_http(urlconf.urlpatterns)), urlconf)
    assert [route.name for route in found] == ["konto_login"]


@pytest.mark.parametrize("login_url", ["/admin/login/", "/django-admin/login/", "/_util/login/"])
def test_other_login_urls_forward_to_allauth_keeping_next(db, login_url):
    response = Client().get(login_url, {"next": "/admin/pages/"})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == LOGIN
    assert parse_qs(location.query) == {"next": ["/admin/pages/"]}


def test_logging_in_from_the_admin_returns_to_the_admin(world):
    client = Client()
    login_url = client.get("/admin/pages/", follow=True).request["PATH_INFO"]
    assert login_url == LOGIN
    response = client.post(
        f"{LOGIN}?next=/admin/pages/", {"login": world.user("organiser").email, "password": world.password}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


# --- Rate limits (ACCOUNT_RATE_LIMITS in sakrad/settings/base.py) ---------------------------------


def attempt(email: str, password: str, ip: str = "192.0.2.1", **headers) -> tuple[Client, object]:
    client = Client(**{"REMOTE_ADDR": ip, **headers})
    return client, client.post(LOGIN, {"login": email, "password": password})


def logged_in(client: Client) -> bool:
    return SESSION_KEY in client.session


def refused_as_too_many(response) -> bool:
    form = response.context["form"] if response.context else None
    codes = [error.code for error in form.non_field_errors().as_data()] if form else []
    return response.status_code == 200 and "too_many_login_attempts" in codes


def test_ten_failures_from_one_ip_lock_that_ip_out(world):
    for number in range(10):
        _, response = attempt(f"gissning{number}@example.org", "fel-lösenord")
        assert response.status_code == 200 and not refused_as_too_many(response)

    client, response = attempt(world.user("participant").email, world.password)
    assert refused_as_too_many(response)
    assert not logged_in(client)

    client, response = attempt(world.user("participant").email, world.password, ip="192.0.2.2")
    assert response.status_code == 302 and logged_in(client)


def test_five_failures_for_one_email_lock_that_email_out_from_anywhere(world):
    email = world.user("participant").email
    for number in range(5):
        _, response = attempt(email, "fel-lösenord", ip=f"198.51.100.{number + 1}")
        assert not refused_as_too_many(response)

    client, response = attempt(email, world.password, ip="203.0.113.9")
    assert refused_as_too_many(response)
    assert not logged_in(client)

    other, response = attempt(world.user("group_member").email, world.password, ip="203.0.113.9")
    assert response.status_code == 302 and logged_in(other)


def test_login_posts_beyond_thirty_a_minute_get_429(world):
    client = Client(REMOTE_ADDR="192.0.2.50")
    # Within one minute by the rate limiter's clock, however slow the machine running the test.
    with mock.patch("allauth.core.internal.ratelimit.time.time", return_value=time.time()):
        statuses = [
            client.post(LOGIN, {"login": world.user("participant").email, "password": world.password})
            .status_code
            for _ in range(31)
        ]
    assert 429 not in statuses[:30]
    assert statuses[30] == 429


@pytest.mark.parametrize("proxy_count", [1])
def test_behind_the_proxy_clients_are_told_apart_by_the_address_it_adds(world, settings, proxy_count):
    """Production trusts one proxy (ALLAUTH_TRUSTED_PROXY_COUNT): the last X-Forwarded-For entry.

    Daphne on a unix socket gives no client address at all; without this every login was refused.
    """
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxy_count
    behind_proxy = {"REMOTE_ADDR": ""}
    for number in range(10):
        attempt(f"gissning{number}@example.org", "fel", HTTP_X_FORWARDED_FOR="198.51.100.7", **behind_proxy)

    # The attacker cannot step out of its bucket by putting another address first.
    client, response = attempt(
        world.user("participant").email, world.password, HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.7",
        **behind_proxy,
    )
    assert refused_as_too_many(response) and not logged_in(client)

    client, response = attempt(
        world.user("participant").email, world.password, HTTP_X_FORWARDED_FOR="198.51.100.8", **behind_proxy
    )
    assert response.status_code == 302 and logged_in(client)


# --- Nobody signs up; the demo password only works with DEBUG -----------------------------------


def test_public_signup_is_closed(db):
    client = Client()
    page = client.get("/accounts/signup/")
    assert page.status_code == 200
    assert "account/signup_closed.html" in [template.name for template in page.templates]

    client.post("/accounts/signup/", {"email": "ny@example.org", "password1": "Ett-långt-lösenord-1"})
    assert not User.objects.filter(email="ny@example.org").exists()
    assert not logged_in(client)


@pytest.fixture
def demo_user(world):
    user = world.user("participant")
    user.set_password(settings.DEMO_PASSWORD)
    user.save()
    return user


def test_demo_password_is_refused_without_debug(demo_user):
    client, response = attempt(demo_user.email, settings.DEMO_PASSWORD)
    assert response.status_code == 200
    assert not logged_in(client)


def test_demo_password_works_with_debug(demo_user, settings):
    settings.DEBUG = True
    client, response = attempt(demo_user.email, settings.DEMO_PASSWORD)
    assert response.status_code == 302 and logged_in(client)


# --- Staff and their second factor (SAKRAD_REQUIRE_STAFF_MFA, on in production) -----------------


@pytest.fixture
def totp_for():
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    return lambda user: TOTP.activate(user, generate_totp_secret())


@pytest.mark.parametrize(("role", "admin_url"), [("organiser", "/admin/"), ("superuser", "/django-admin/")])
def test_staff_without_a_second_factor_are_sent_to_set_one_up(world, settings, role, admin_url):
    settings.SAKRAD_REQUIRE_STAFF_MFA = True
    response = world.client_for(role).get(admin_url)
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == reverse("mfa_activate_totp")
    assert parse_qs(location.query) == {"next": [admin_url]}


def test_staff_with_a_second_factor_reach_the_admin(world, settings, totp_for):
    settings.SAKRAD_REQUIRE_STAFF_MFA = True
    totp_for(world.user("organiser"))
    assert world.client_for("organiser").get("/admin/").status_code == 200


def test_a_password_alone_does_not_log_in_someone_with_a_second_factor(world, totp_for):
    totp_for(world.user("organiser"))
    client, response = attempt(world.user("organiser").email, world.password)
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == reverse("mfa_authenticate")
    assert not logged_in(client)
