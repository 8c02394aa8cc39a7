"""Per-person rate limits on asking and supporting, kept in the cache only: a flood from one phone
is refused with a clear message while everyone else goes on.

Settings (count, seconds): PANEL_QUESTIONS_ASK_RATE (default 5 per 10 minutes) and
PANEL_QUESTIONS_SUPPORT_RATE (default 60 per minute).
"""

from __future__ import annotations

from django.conf import settings

from sakrad.rate_limits import rate_take

ASK_DEFAULT = (5, 10 * 60)
SUPPORT_DEFAULT = (60, 60)


def ask_allowed(*, user_id: int) -> bool:
    limit, window = getattr(settings, "PANEL_QUESTIONS_ASK_RATE", ASK_DEFAULT)
    return rate_take(f"panel_questions:ask:{user_id}", limit, window)


def support_allowed(*, user_id: int) -> bool:
    limit, window = getattr(settings, "PANEL_QUESTIONS_SUPPORT_RATE", SUPPORT_DEFAULT)
    return rate_take(f"panel_questions:support:{user_id}", limit, window)
