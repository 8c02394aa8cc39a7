"""Each request's id (sakrad/request_id.py): taken from the proxy when it is sane, made otherwise, sent
back on the response, and written with the JSON access line, which holds nothing personal."""

import asyncio
import io
import json
import logging
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import AsyncClient

from sakrad.logs import JsonFormatter

MADE = re.compile(r"[0-9a-f]{32}")
EMAIL = "anna.svensson@example.org"


@pytest.fixture
def log_lines():
    """Every log line written during the test, as production writes them (JSON, INFO and up)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)

    def lines() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines()]

    lines.text = stream.getvalue
    yield lines
    root.removeHandler(handler)
    root.setLevel(level)


def access_lines(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line["logger"] == "sakrad.access"]


def test_the_proxys_id_passes_through_to_the_response_and_the_access_line(client, log_lines):
    response = client.get("/healthz", headers={"X-Request-ID": "4f1c9e2a.nginx-7_b"})
    assert response["X-Request-ID"] == "4f1c9e2a.nginx-7_b"
    [line] = access_lines(log_lines())
    assert line["request_id"] == "4f1c9e2a.nginx-7_b"
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert line["level"] == "INFO"
    assert isinstance(line["duration_ms"], float)


def test_without_a_proxy_each_request_gets_an_id_of_its_own(client, log_lines):
    first, second = client.get("/healthz")["X-Request-ID"], client.get("/healthz")["X-Request-ID"]
    assert MADE.fullmatch(first) and MADE.fullmatch(second) and first != second
    assert [line["request_id"] for line in access_lines(log_lines())] == [first, second]


@pytest.mark.parametrize("given", [
    "x" * 201,
    "two words",
    'id"}\n{"level": "CRITICAL", "message": "forged"',
    "räksmörgås",
    "",
])
def test_an_id_that_is_not_sane_is_replaced(client, log_lines, given):
    response = client.get("/healthz", headers={"X-Request-ID": given})
    assert MADE.fullmatch(response["X-Request-ID"])
    [line] = access_lines(log_lines())
    assert line["request_id"] == response["X-Request-ID"]
    assert "forged" not in log_lines.text()


def test_an_id_of_200_characters_is_kept(client):
    given = "a" * 200
    assert client.get("/healthz", headers={"X-Request-ID": given})["X-Request-ID"] == given


def test_the_async_stack_gets_the_id_too(log_lines):
    response = asyncio.run(AsyncClient().get("/healthz", headers={"X-Request-ID": "async-1"}))
    assert response["X-Request-ID"] == "async-1"
    assert [line["request_id"] for line in access_lines(log_lines())] == ["async-1"]


def test_lines_logged_while_handling_a_request_carry_its_id(client, log_lines):
    # /readyz logs a warning for each check that fails; without a database that one fails.
    client.get("/readyz", headers={"X-Request-ID": "on-call-42"})
    warning = next(line for line in log_lines() if line["logger"] == "sakrad.health")
    assert warning["request_id"] == "on-call-42"
    assert warning["level"] == "WARNING"
    assert "database" in warning["message"]


def test_no_query_string_cookie_or_form_field_is_logged(client, site_tree, log_lines):
    client.cookies["tracking"] = EMAIL
    client.get(f"/sok/?q={EMAIL}")
    client.post("/accounts/login/", {"login": EMAIL, "password": "hemligt-losenord-1"})
    paths = [line["path"] for line in access_lines(log_lines())]
    assert paths == ["/sok/", "/accounts/login/"]
    assert "anna.svensson" not in log_lines.text()
    assert "hemligt" not in log_lines.text()


@pytest.mark.django_db
def test_an_invitation_token_is_cut_from_the_logged_path(client, log_lines):
    token = "Yq3vT0kS9dX2mPz8"
    response = client.get(f"/osa/{token}/")
    assert response.status_code == 404
    [line] = access_lines(log_lines())
    assert line["path"] == "/osa/<token>/"
    # Django's own line about the 404, written after the middleware is done, still has the id.
    [not_found] = [line for line in log_lines() if line["logger"] == "django.request"]
    assert not_found["message"] == "Not Found: /osa/<token>/"
    assert not_found["request_id"] == response["X-Request-ID"]
    assert token not in log_lines.text()


def test_production_settings_log_json_lines():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sakrad.settings.production",
        "DJANGO_SECRET_KEY": "test-only-not-secret",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
        "REDIS_URL": "redis://127.0.0.1:1/0",
        "WAGTAILADMIN_BASE_URL": "https://sakrad.example.org",
    }
    script = "import django, logging; django.setup(); logging.getLogger('sakrad.probe').warning('hej')"
    result = subprocess.run(  # noqa: S603 - our interpreter, our script
        [sys.executable, "-c", script], env=environment, cwd=settings.BASE_DIR,
        capture_output=True, text=True, timeout=120, check=True,
    )
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert (line["logger"], line["level"], line["message"], line["request_id"]) == (
        "sakrad.probe", "WARNING", "hej", None)
    assert set(line) == {"time", "level", "logger", "message", "request_id"}
