"""The test suite: the embedded default, or PostgreSQL + Redis when DATABASE_URL/REDIS_URL are set."""

import os

from .base import *  # noqa: F403
from .env import env_str, redis_url_with_db

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# A job worker started by a test (tests/outbox/test_worker.py) sends to a real SMTP server instead.
EMAIL_BACKEND = env_str("SAKRAD_TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://testserver")

# Static files straight from the app folders (browser tests load our CSS), no collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Parallel test processes share one Redis: each gets its own cache database (a test's cache.clear()
# flushes only its own) and its own channel-layer prefix (pub/sub channels span databases).
if REDIS_URL:  # noqa: F405
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    _index = int(_worker.removeprefix("gw") or 0)
    CACHES["default"]["LOCATION"] = redis_url_with_db(REDIS_URL, 1 + _index % 15)  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = f"asgi-test-{_worker}"  # noqa: F405

# Each test process has its own in-memory database: nothing to share with another process.
SAKRAD_PUBLIC_CACHE_GENERATION_FILE = env_str("SAKRAD_PUBLIC_CACHE_GENERATION_FILE", "")

# Connections of threads other than the test's (the notes sockets' database threads, the live
# server's) close after each use, so none is left open on the test database when it is dropped.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# A test database is thrown away: commits need not wait for the disk (the browser tests' flushes
# and the notes log's appends commit hundreds of times).
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405

# The in-memory SQLite is one shared cache for the test's thread and the live server's: its table
# locks fail at once instead of waiting, so a page read while a socket appends notes raised
# "database table is locked". Reading without read locks removes reader-writer conflicts.
# Reading a query without ORDER BY in reverse, as PostgreSQL may return it in any order, makes a test
# that leans on the order rows were written in fail here too.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (  # noqa: F405
        "PRAGMA read_uncommitted = 1; PRAGMA reverse_unordered_selects = 1"
    )
