"""Rate limits kept in the cache and nowhere else, for the forms and phones of the room (open input,
questions to the panel, ballots, following a takeaway, join requests): one counter per key and
window. Client addresses and e-mail addresses only ever appear hashed with the secret key, in keys
that expire with their window."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


def rate_take(key: str, limit: int, window: int) -> bool:
    """Count one use in the window; False once the window already holds `limit` uses."""
    cache.add(key, 0, timeout=window)
    try:
        used = cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.add(key, 1, timeout=window)
        used = 1
    return used <= limit


def client_address(request) -> str:
    """The client's address as the login rate limits see it (allauth: X-Forwarded-For behind the
    trusted proxies, else REMOTE_ADDR)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"  # no address at all: such requests share one bucket


def hashed_key(prefix: str, kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{kind}:{value}".encode()).hexdigest()
    return f"{prefix}:{kind}:{digest}"


def rate_take_each(limits: Iterable[tuple[str, str, tuple[int, int]]]) -> bool:
    """One use from each (key, setting, default (count, seconds)) in turn; False at the first used up."""
    for key, setting, default in limits:
        limit, window = getattr(settings, setting, default)
        if not rate_take(key, limit, window):
            return False
    return True
