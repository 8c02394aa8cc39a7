"""Settings shared by every environment. Anything that differs between machines comes from env."""

from pathlib import Path

from csp.constants import NONCE, NONE, SELF
from django.conf import global_settings
from django.conf.locale import LANG_INFO
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from sakrad import languages, links

from .env import (
    cache_config,
    channel_layer_config,
    database_config,
    env_base_url,
    env_bool,
    env_list,
    env_str,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "daphne",
    "sakrad",  # the core: shared template tags (sakrad_tags), the pages' base URL
    "accounts",
    "organisations",
    "consultations",
    "invitations",
    "minutes",
    "working_groups",
    "open_input",
    "corrections",
    "priorities",  # the plenary prioritises its takeaways
    "panel_questions",  # questions to the panel at the plenary
    "evaluations",  # the attendees' evaluation afterwards
    "outcomes",  # the public register of what happened next (/uppfoljning/)
    "join_requests",  # new organisations ask to take part (/intresseanmalan/)
    "organisation_details",  # the contact person keeps the organisation's details (/organisation/)
    "organisation_import",  # staff import and export the register (CSV, XLSX)
    "cycle",
    "representation",
    "records",
    "privacy",
    "public_cache",
    "breakouts",
    "notes",
    "staff_roles",
    "outbox",  # every e-mail, queued and sent by the job worker
    "django_tasks_db",  # the jobs' table, used when DJANGO_TASKS_BACKEND is its database backend
    "home",
    "demo",  # the seed_demo command
    "wagtail.contrib.redirects",
    "wagtail.contrib.simple_translation",  # "Translate" in the page admin (docs/languages.md)
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "channels",
    "csp",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Last, so its Swedish catalogue never wins over another app's for a msgid both have.
    "import_export",  # the import flow of organisation_import (preview, per-row results, one transaction)
]

MIDDLEWARE = [
    # First: the request id is set before anything can log, and the access line times the rest.
    "sakrad.request_id.request_id_middleware",
    # Anonymous readers' pages from the shared cache (public_cache/): stored with every header the
    # middlewares below add, compressed by GZip.
    "public_cache.middleware.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "sakrad.middleware.SakradCSPMiddleware",
    "sakrad.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A page in a minority language (/fi/…) is found in its language, then shown in the Swedish interface.
    "sakrad.content_language.ContentLanguageMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "sakrad.middleware.StaffSecondFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "sakrad.urls"
ASGI_APPLICATION = "sakrad.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {"default": database_config(BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
CHANNEL_LAYERS = channel_layer_config(REDIS_URL)
CACHES = cache_config(REDIS_URL)
# Published pages and feeds served to anonymous visitors from CACHES (public_cache/); a write
# anywhere they read from empties it at once, so the time only bounds memory.
SAKRAD_PUBLIC_CACHE = env_bool("SAKRAD_PUBLIC_CACHE", True)
SAKRAD_PUBLIC_CACHE_SECONDS = int(env_str("SAKRAD_PUBLIC_CACHE_SECONDS", "3600"))
# Without Redis each process caches in its own memory; a write in another process (cron, a shell)
# reaches the server through this file beside the SQLite database (public_cache/generation.py).
SAKRAD_PUBLIC_CACHE_GENERATION_FILE = env_str(
    "SAKRAD_PUBLIC_CACHE_GENERATION_FILE",
    f"{DATABASES['default']['NAME']}.cache-generation"
    if not REDIS_URL and DATABASES["default"]["ENGINE"].endswith("sqlite3") else "",
)
# How long the proxy in front (deploy/nginx.conf) may keep a shared answer: a publish reaches
# anonymous readers behind it at most this late. 0: the proxy keeps nothing.
SAKRAD_PROXY_CACHE_SECONDS = int(env_str("SAKRAD_PROXY_CACHE_SECONDS", "1"))

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["accounts.backends.DemoAwareAuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# django-allauth: the only way in. Nobody signs up; accounts come from invitations.
ACCOUNT_ADAPTER = "accounts.adapter.InvitationOnlyAccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "login": "30/m/ip",
    "request_login_code": "20/m/ip,3/m/key",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Code fields with the number pad and code autofill (WCAG 3.3.8, accounts/forms.py).
MFA_FORMS = {
    "authenticate": "accounts.forms.NumericAuthenticateForm",
    "reauthenticate": "accounts.forms.NumericReauthenticateForm",
    "activate_totp": "accounts.forms.NumericActivateTOTPForm",
}
# Production turns this on: staff rights only with a second factor (sakrad/roles.py), and every page
# sends staff without one to set it up (sakrad.middleware.StaffSecondFactorMiddleware). Demo accounts
# (DEBUG) skip it.
SAKRAD_REQUIRE_STAFF_MFA = False
MFA_TOTP_ISSUER = "Sakråd"
LOGIN_URL = "account_login"
# Without ?next=: staff land in the admin, everyone else here (accounts/adapter.py).
LOGIN_REDIRECT_URL = "accounts:my_page"
# Wagtail's admin and its private pages/documents send people to our guard (login_or_refuse in
# sakrad/urls.py), which forwards to allauth. Without it private pages would use Wagtail's own login
# form (/_util/login/, no rate limit, no MFA), and a logged-in user the admin refuses would bounce
# between the admin and allauth for ever.
WAGTAILADMIN_LOGIN_URL = "/admin/login/"
WAGTAIL_FRONTEND_LOGIN_URL = "login_or_refuse"

# Scripts only from our origin or carrying the request's nonce; nothing from other hosts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = languages.DEFAULT
# The interface's two languages, then the national minority languages pages may be translated into
# (sakrad/languages.py, docs/languages.md): i18n_patterns routes /fi/, /fit/, /se/, /rom/ and /yi/
# to those translations, whose interface stays Swedish.
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))] + [
    (code, _(name)) for code, (name, _local, _bidi) in languages.MINORITY.items()
]
LANGUAGES_BIDI = global_settings.LANGUAGES_BIDI + [
    code for code, (_name, _local, bidi) in languages.MINORITY.items() if bidi
]
languages.lang_info_extended(LANG_INFO)
# Our catalogue, and empty ones for the minority languages that no library translates: Django only
# routes a language prefix that has a catalogue somewhere; ours fall back to Swedish.
LOCALE_PATHS = [BASE_DIR / "locale", PROJECT_DIR / "content_locales"]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Django's defaults, written out because tests hold us to them: a request body other than its
# files is refused above 2.5 MB (400), and an uploaded file above 2.5 MB is spooled to disk, not
# kept in memory. The per-kind file limits are WAGTAILDOCS_/WAGTAILIMAGES_MAX_UPLOAD_SIZE.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("DJANGO_EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_str("DJANGO_EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Sakråd <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAIL_SITE_NAME = "Sakråd"
# The one base of every absolute URL we write: e-mails, PDFs, calendars, the feed, the API, the
# sitemap (sakrad/links.py). Required in production; `make run` serves here.
WAGTAILADMIN_BASE_URL = env_base_url("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's API reads its own setting for detail_url; this one reads ours each time, so a test or a
# deployment that sets WAGTAILADMIN_BASE_URL moves the API's links too.
WAGTAILAPI_BASE_URL = lazy(lambda: links.base_url(), str)()
# Pages may be translated (Wagtail's locales, made by home's migrations); staff add a translation with
# "Translate" (wagtail.contrib.simple_translation). English is no content language: /en/ shows the
# Swedish pages (sakrad/languages.py, lang_info_extended).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = [("sv", _("Swedish"))] + LANGUAGES[2:]
# Slugs in plain ASCII, as the demo's ("Sakråd om äldre" → "sakrad-om-aldre"): å, ä and ö would be
# percent-encoded in every shared link.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No autosave: on a new page its first save makes the page, and unless the browser then swaps the form
# over to that page, "Publish" posts the new-page form again and clashes with the slug it took ("slug
# already used", shown on the hidden Promote tab). Its status lines are English-only as well.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# The admin's language choices are ours: Wagtail offers all of its own, and our screens speak only these.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
# Wagtail's database search backend: PostgreSQL full-text search where the database is PostgreSQL
# (production), with Swedish stemming ("konsultationerna" finds "konsultation") and hyphenated words
# found (home/search_backend.py); SQLite's FTS elsewhere.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    WAGTAILSEARCH_BACKENDS["default"] = {"BACKEND": "home.search_backend", "SEARCH_CONFIG": "swedish"}
# The open-data API (sakrad/api.py) only reads; JSON only, no browsable HTML pages.
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
}
# Shared-password pages would be a second, unprotected way in.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "vtt", "xlsx"]  # vtt: captions
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Nothing an editor uploads is rendered by the browser on our origin: every document is a download
# (Wagtail would show PDFs inline), with Wagtail's "default-src 'none'" policy and nosniff. No
# SVG or HTML in either extension list, and no shared passwords on collections either.
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No Gravatar in the admin: our CSP blocks its images (broken pictures), and each one would tell
# gravatar.com which staff member opened which admin page. Wagtail shows its default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# An approved workflow publishes what was approved without asking the approver for publish permission
# on the page: approving is the permission, and approvers hold no page rights (docs/roles.md).
WAGTAIL_FINISH_WORKFLOW_ACTION = "staff_roles.approval.publish_approved"

# The demo password: seed_demo sets it, and it is refused unless DEBUG is on.
DEMO_PASSWORD = "sakrad-demo"  # noqa: S105

# --- Invitations (invitations app) -------------------------------------------------------------
# Background tasks (django_tasks, which Wagtail ships). The immediate backend runs a task in the web
# process as soon as the transaction commits: nothing extra to start for `make run`. Production stores
# jobs in the database and runs them in `manage.py jobs_worker` (docs/reliability.md).
IMMEDIATE_TASKS = "django_tasks.backends.immediate.ImmediateBackend"
DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
TASKS_BACKEND = env_str("DJANGO_TASKS_BACKEND", IMMEDIATE_TASKS)
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
TASKS_BACKEND_STORES_JOBS = TASKS_BACKEND == DATABASE_TASKS
# The outbox (outbox/): the first wait after a temporary failure (doubling up to an hour), how many
# tries before a mail counts as failed, and how long a claim lasts before a mail whose worker
# stopped mid-send is sent again.
SAKRAD_OUTBOX_RETRY_SECONDS = float(env_str("SAKRAD_OUTBOX_RETRY_SECONDS", "30"))
SAKRAD_OUTBOX_MAX_ATTEMPTS = int(env_str("SAKRAD_OUTBOX_MAX_ATTEMPTS", "8"))
SAKRAD_OUTBOX_CLAIM_SECONDS = float(env_str("SAKRAD_OUTBOX_CLAIM_SECONDS", "120"))
# A mail (addresses, names, links) is deleted this many days after it was queued, once it is done.
SAKRAD_OUTBOX_KEEP_DAYS = int(env_str("SAKRAD_OUTBOX_KEEP_DAYS", "90"))
# The public register (outcomes/): staff are reminded of a takeaway with no response for this long.
SAKRAD_OUTCOMES_REMINDER_WEEKS = int(env_str("SAKRAD_OUTCOMES_REMINDER_WEEKS", "12"))
# Access and dietary needs are erased this many days after the consultation (erase_attendee_needs).
SAKRAD_NEEDS_RETENTION_DAYS = int(env_str("SAKRAD_NEEDS_RETENTION_DAYS", "30"))
# The organisers' overview asks for access needs (interpreters, a hearing loop) to be booked this many
# days before the consultation, and flags them once that day has passed.
SAKRAD_ACCESS_NEEDS_BOOK_DAYS = int(env_str("SAKRAD_ACCESS_NEEDS_BOOK_DAYS", "14"))
# A request to take part that is declined, or never confirmed, is erased this many days after it was
# declined or sent (`manage.py erase_join_requests`, daily).
SAKRAD_JOIN_REQUESTS_KEEP_DAYS = int(env_str("SAKRAD_JOIN_REQUESTS_KEEP_DAYS", "90"))
# --- end invitations ---------------------------------------------------------------------------
