"""Development on a bare laptop: DEBUG, SQLite and the in-memory channel layer unless env says otherwise."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-not-secret")  # noqa: S105
EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Serve static files straight from the app folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
