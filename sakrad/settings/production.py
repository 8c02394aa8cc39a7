"""Production: several ASGI workers behind nginx (deploy/), PostgreSQL and Redis from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, SECRET_KEY
from .env import env_bool, env_str

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
if not REDIS_URL:
    raise ImproperlyConfigured("REDIS_URL must be set in production: workers share the channel layer.")
# Base's default is `make run`'s address: in production every e-mailed link would lead there.
if not env_str("WAGTAILADMIN_BASE_URL"):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be set in production, e.g. https://sakrad.example.org: every link in"
        " e-mails, PDFs, calendars, the feed and the API starts with it."
    )

# A pool of connections per worker process. Django serves each request of an ASGI worker on a thread
# of its own; with persistent connections each thread kept one open, and a burst of readers ran
# PostgreSQL out of connections ("too many clients"). Django requires CONN_MAX_AGE 0 with a pool.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    # No check before each loan: it is a round trip per query of the live notes. A connection that
    # failed is thrown away by Django after the error.
    DATABASES["default"].update(CONN_MAX_AGE=0, CONN_HEALTH_CHECKS=False)  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {  # noqa: F405
        "min_size": 2,
        "max_size": int(env_str("SAKRAD_DB_POOL_SIZE", "10")),
        "timeout": 10,
    }

# Jobs (every e-mail) are stored in PostgreSQL with the change that causes them and run by
# `manage.py jobs_worker`, which `make serve` starts beside the web workers (docs/reliability.md).
TASKS_BACKEND = env_str("DJANGO_TASKS_BACKEND", DATABASE_TASKS)  # noqa: F405
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
TASKS_BACKEND_STORES_JOBS = TASKS_BACKEND == DATABASE_TASKS  # noqa: F405

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# Probes ask the workers directly, over plain HTTP (sakrad/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 63072000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_NAME = "__Host-sessionid"
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_NAME = "__Host-csrftoken"
CSRF_COOKIE_SAMESITE = "Strict"
X_FRAME_OPTIONS = "DENY"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# allauth rate-limits logins per client IP. Behind the proxy, Daphne on a unix socket sees no
# client address at all (allauth then refuses every login with 403) and on TCP sees only the
# proxy's (everyone would share one bucket). The proxy appends the client to X-Forwarded-For;
# the last entry is the one it wrote, and anything before it could come from the client.
ALLAUTH_TRUSTED_PROXY_COUNT = int(env_str("DJANGO_TRUSTED_PROXY_COUNT", "1"))

# Staff must use a second factor; participants log in by emailed code or password.
SAKRAD_REQUIRE_STAFF_MFA = True

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# One JSON object per line, with the request's id (sakrad/logs.py, docs/deployment.md "Logs").
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "sakrad.logs.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
