"""Security headers on every response a visitor or participant gets, and the production transport settings."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client, override_settings

from tests.registry import Endpoint, http_endpoints, url_or_skip

ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ROLES_CHECKED = ("anonymous", "participant")
PERMISSIONS_POLICY_OFF = ("camera=()", "microphone=()", "geolocation=()")


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name.lower()] = values
    return directives


def header_problems(url: str, response) -> list[str]:
    problems = []
    policy = response.get("Content-Security-Policy")
    if not policy:
        return ["no Content-Security-Policy"]
    directives = csp_directives(policy)
    if directives.get("frame-ancestors") != ["'none'"]:
        problems.append(f"frame-ancestors is {directives.get('frame-ancestors')}, not 'none'")
    if not url.startswith(ADMIN_PREFIXES):
        scripts = directives.get("script-src", directives.get("default-src"))
        if scripts is None:
            problems.append("no script-src and no default-src")
        else:
            loose = {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:"} & set(scripts)
            if loose:
                problems.append(f"script-src allows {sorted(loose)}")
    expected = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
    }
    problems += [
        f"{name}: {response.get(name)!r}, expected {value!r}"
        for name, value in expected.items()
        if response.get(name) != value
    ]
    allowed = response.get("Permissions-Policy", "")
    problems += [f"Permissions-Policy lacks {off}" for off in PERMISSIONS_POLICY_OFF if off not in allowed]
    return problems


# Published pages, feeds, calendars and search: what public_cache/ shares (docs/public-cache.md).
SHARED_PATTERNS = {"wagtail_serve", "search", "feeds:minutes", "cycle:calendar", "cycle:consultation_ics",
                   "sitemap.xml", "robots_txt",
                   # The register of what happened next (outcomes/views.py): list, takeaway, feeds.
                   "outcomes:index", "outcomes:takeaway", "outcomes:follow_sent", "outcomes:feed",
                   "outcomes:theme_feed",
                   # The open-input form's easy-to-read version (open_input/views.py): no form on it.
                   "open_input:easy_read",
                   # The thank-you page after asking to take part (join_requests/views.py): no form on it.
                   "join_requests:sent"}


def cache_problems(role: str, row: Endpoint, response) -> list[str]:
    """A logged-in reader's answer is kept by nobody; proxies may keep only what anyone may read."""
    control = response.get("Cache-Control", "")
    directives = {part.split("=")[0].strip().lower() for part in control.split(",")}
    if role != "anonymous" and not {"private", "no-store"} <= directives:
        return [f"Cache-Control {control!r}: a logged-in reader's answer must be private, no-store"]
    if "public" in directives and row.pattern not in SHARED_PATTERNS:
        return [f"Cache-Control {control!r} on an endpoint that is not the same for everyone"]
    return []


def answered_with_200(row: Endpoint) -> bool:
    return any(row.expect[role] == 200 for role in ROLES_CHECKED)


ROWS_WITH_200 = [row for row in http_endpoints() if answered_with_200(row)]



@pytest.fixture
def world(shared_world):
    """One world for the whole module (tests/world.py, `shared_world`): these tests only read it."""
    return shared_world


@pytest.mark.same_on_every_database
@pytest.mark.parametrize("row", ROWS_WITH_200, ids=lambda row: row.name)
def test_security_headers(world, row: Endpoint):
    url = url_or_skip(row, world)
    problems = []
    for role in ROLES_CHECKED:
        if row.expect[role] != 200:
            continue
        response = world.client_for(role).get(url)
        assert response.status_code == 200
        problems += [f"{role}: {problem}" for problem in header_problems(url, response)]
        problems += [f"{role}: {problem}" for problem in cache_problems(role, row, response)]
    assert not problems, f"GET {url}:\n  " + "\n  ".join(problems)


def test_the_admin_relaxes_inline_scripts_but_nothing_else(world):
    """Wagtail's admin needs inline scripts; it still cannot be framed or load plugins."""
    response = world.client_for("organiser").get("/admin/")
    assert response.status_code == 200
    assert header_problems("/admin/", response) == []
    directives = csp_directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["object-src"] == ["'none'"]
    assert not any(source.startswith("'nonce-") for source in directives["script-src"])


def test_admin_preview_may_be_framed_by_the_admin_only(world):
    """Wagtail's live preview sits in an iframe beside the editor: same origin, nobody else."""
    response = world.client_for("organiser").get(f"/admin/pages/{world.consultation.pk}/edit/preview/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert csp_directives(response["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]


# --- Production: HTTPS only, and cookies no other site or script can read --------------------


PRODUCTION_SETTINGS = [
    "DEBUG",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "ALLAUTH_TRUSTED_PROXY_COUNT",
]


# What production refuses to start without.
PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "x" * 50,
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://sakrad.example.org",
}


def import_production(env: dict[str, str]) -> subprocess.CompletedProcess:
    """Imports sakrad.settings.production in a fresh interpreter, as a deployment would."""
    script = (
        "import json, sakrad.settings.production as p; "
        f"print(json.dumps({{name: getattr(p, name, None) for name in {PRODUCTION_SETTINGS!r}}}))"
    )
    base_env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "REDIS_", "WAGTAILADMIN_"))
    }
    return subprocess.run(  # noqa: S603 - our interpreter, our module
        [sys.executable, "-c", script],
        cwd=Path(settings.BASE_DIR),
        env={**base_env, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="module")
def production() -> dict:
    result = import_production(PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_settings_are_strict(production):
    assert production["DEBUG"] is False
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert production["SESSION_COOKIE_SECURE"] is True and production["CSRF_COOKIE_SECURE"] is True
    assert production["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert production["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert production["SESSION_COOKIE_SAMESITE"] in {"Lax", "Strict"}
    assert production["CSRF_COOKIE_SAMESITE"] in {"Lax", "Strict"}
    assert production["LANGUAGE_COOKIE_SECURE"] is True
    assert production["ALLAUTH_TRUSTED_PROXY_COUNT"] >= 1


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_its_secrets(missing):
    env = {name: value for name, value in PRODUCTION_ENV.items() if name != missing}
    result = import_production(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


@pytest.fixture
def production_transport(production):
    """The production values that shape headers and cookies, applied to this test process."""
    names = [name for name in PRODUCTION_SETTINGS if name not in {"DEBUG", "ALLAUTH_TRUSTED_PROXY_COUNT"}]
    values = {name: production[name] for name in names}
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    with override_settings(**values):
        yield


def test_https_responses_carry_hsts(world, production_transport):
    response = Client().get("/", secure=True)
    assert response.status_code == 200
    hsts = dict(
        part.strip().partition("=")[::2] for part in response["Strict-Transport-Security"].split(";")
    )
    assert int(hsts["max-age"]) >= 31_536_000
    assert "includeSubDomains" in hsts


def test_plain_http_is_redirected_to_https(world, production_transport):
    response = Client().get("/")
    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def assert_host_cookie(morsel, *, samesite: str, httponly: bool):
    # __Host- cookies are refused by browsers unless Secure, Path=/ and without Domain.
    assert morsel.key.startswith("__Host-")
    assert morsel["secure"] is True
    assert morsel["path"] == "/"
    assert morsel["domain"] == ""
    assert morsel["samesite"] == samesite
    assert bool(morsel["httponly"]) is httponly


def test_login_sets_secure_host_only_cookies(world, production_transport):
    client = Client()
    login_page = client.get("/accounts/login/", secure=True)
    assert_host_cookie(login_page.cookies[settings.CSRF_COOKIE_NAME], samesite="Strict", httponly=False)

    response = client.post(
        "/accounts/login/",
        {"login": world.user("participant").email, "password": world.password},
        secure=True,
    )
    assert response.status_code == 302
    assert_host_cookie(response.cookies[settings.SESSION_COOKIE_NAME], samesite="Lax", httponly=True)
    assert client.get("/konto/mina-uppgifter/", secure=True).status_code == 200

