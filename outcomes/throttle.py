"""Rate limits on asking to follow a takeaway, kept in the cache and nowhere else: per client address,
per e-mail address (no one is flooded with confirmation mails) and for the whole site. Addresses are
only hashed with the secret key into keys that expire with their window.

Settings (count, seconds): SAKRAD_OUTCOMES_FOLLOW_RATE_PER_ADDRESS (default 10 per hour),
SAKRAD_OUTCOMES_FOLLOW_RATE_PER_EMAIL (3 per day), SAKRAD_OUTCOMES_FOLLOW_RATE_GLOBAL (500 per hour).
"""

from __future__ import annotations

import hashlib

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

PER_ADDRESS_DEFAULT = (10, 60 * 60)
PER_EMAIL_DEFAULT = (3, 24 * 60 * 60)
GLOBAL_DEFAULT = (500, 60 * 60)


def _client_address(request) -> str:
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"  # no address at all: such requests share one bucket


def _hashed(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()
    return f"outcomes:follow:{kind}:{digest}"


def _take(key: str, limit: int, window: int) -> bool:
    """Count one use in the window; False once the window already holds `limit` uses."""
    cache.add(key, 0, timeout=window)
    try:
        used = cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.add(key, 1, timeout=window)
        used = 1
    return used <= limit


def follow_allowed(request, *, email: str) -> bool:
    """Take one request from the client's, the address's and the site's allowance."""
    limits = (
        (
            _hashed("client", _client_address(request)),
            "SAKRAD_OUTCOMES_FOLLOW_RATE_PER_ADDRESS",
            PER_ADDRESS_DEFAULT,
        ),
        (_hashed("email", email.lower()), "SAKRAD_OUTCOMES_FOLLOW_RATE_PER_EMAIL", PER_EMAIL_DEFAULT),
        ("outcomes:follow:global", "SAKRAD_OUTCOMES_FOLLOW_RATE_GLOBAL", GLOBAL_DEFAULT),
    )
    for key, setting, default in limits:
        limit, window = getattr(settings, setting, default)
        if not _take(key, limit, window):
            return False
    return True
