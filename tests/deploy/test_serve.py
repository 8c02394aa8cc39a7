"""deploy/serve (`make serve`) refuses to start without what production needs, saying what is missing,
before it touches any database."""

import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

SERVE = Path(settings.BASE_DIR) / "deploy" / "serve"
NEEDED = {
    "DJANGO_SECRET_KEY": "test-only-not-secret",
    "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
    "REDIS_URL": "redis://127.0.0.1:1/0",
    "WAGTAILADMIN_BASE_URL": "https://sakrad.example.org",
}


def serve(**environment: str) -> subprocess.CompletedProcess:
    # A Python that does not exist: anything past the checks would fail differently, and loudly.
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "SERVE_PYTHON": "/nonexistent/python"}
    return subprocess.run(  # noqa: S603 - our script
        [str(SERVE)], env={**base, **environment}, capture_output=True, text=True, timeout=30,
    )


@pytest.mark.parametrize("missing", sorted(NEEDED))
def test_serve_names_each_missing_variable(missing):
    result = serve(**{name: value for name, value in NEEDED.items() if name != missing})
    assert result.returncode == 2
    assert f"set {missing} first" in result.stderr


def test_serve_names_all_of_them_at_once():
    result = serve()
    assert result.returncode == 2
    assert "set DJANGO_SECRET_KEY DATABASE_URL REDIS_URL WAGTAILADMIN_BASE_URL first" in result.stderr


def test_serve_refuses_a_worker_count_that_is_not_a_number():
    result = serve(**NEEDED, SERVE_WORKERS="two")
    assert result.returncode == 2
    assert "SERVE_WORKERS must be a whole number" in result.stderr
