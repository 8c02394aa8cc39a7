"""A stored answer and its key, shared by the middleware (which stores) and the ASGI front
(which serves hits without entering Django)."""

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.utils import timezone, translation
from django.utils.encoding import escape_uri_path, iri_to_uri

from .release import release

ANSWER_PREFIX = "public-cache:answer:"


@dataclass(frozen=True)
class StoredAnswer:
    generation: str
    status: int
    headers: tuple[tuple[str, str], ...]  # as the last middleware left them, the request id excepted
    body: bytes

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)


@cache
def site_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def answer_key(*, host: str, scheme: str, path: str, query_string: str, accepts_gzip: bool) -> str:
    """Everything a shared answer may differ by. The language is the path's (unprefixed paths are
    in the default language); the day is there because a consultation turns from upcoming to held at
    midnight without a write; host and scheme because Django answers unknown hosts and plain HTTP
    differently, and those answers are never stored."""
    full_path = escape_uri_path(path) + (f"?{iri_to_uri(query_string)}" if query_string else "")
    language = translation.get_language_from_path(path) or settings.LANGUAGE_CODE
    today: dt.date = timezone.now().astimezone(site_zone()).date()
    parts = (release(), host, scheme, language, today.isoformat(), str(accepts_gzip), full_path)
    return ANSWER_PREFIX + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def has_visitor_state(cookie_names) -> bool:
    """A session (so perhaps someone logged in) or pending messages: this visitor's own page."""
    return settings.SESSION_COOKIE_NAME in cookie_names or CookieStorage.cookie_name in cookie_names
