"""Per-person rate limits on asking and supporting, kept in the cache only: a flood from one phone
is refused with a clear message while everyone else goes on.

Settings (count, seconds): PANEL_QUESTIONS_ASK_RATE (default 5 per 10 minutes) and
PANEL_QUESTIONS_SUPPORT_RATE (default 60 per minute).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache

ASK_DEFAULT = (5, 10 * 60)
SUPPORT_DEFAULT = (60, 60)


def _take(key: str, limit: int, window: int) -> bool:
    cache.add(key, 0, timeout=window)
    try:
        used = cache.incr(key)
    except ValueError:  # the window ran out between add and incr
        cache.add(key, 1, timeout=window)
        used = 1
    return used <= limit


def ask_allowed(*, user_id: int) -> bool:
    limit, window = getattr(settings, "PANEL_QUESTIONS_ASK_RATE", ASK_DEFAULT)
    return _take(f"panel_questions:ask:{user_id}", limit, window)


def support_allowed(*, user_id: int) -> bool:
    limit, window = getattr(settings, "PANEL_QUESTIONS_SUPPORT_RATE", SUPPORT_DEFAULT)
    return _take(f"panel_questions:support:{user_id}", limit, window)
