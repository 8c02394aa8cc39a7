"""Rate limits on sending open input, kept in the cache and nowhere else.

Two fixed windows: one per client address (a flood from one address is throttled, others still get
through) and one for the whole site (a flood from many addresses cannot bury the moderators). The
address is only hashed with the secret key into a cache key that expires with its window; it is never
stored with an answer.

Settings (count, seconds): OPEN_INPUT_RATE_PER_ADDRESS (default 5 per 10 minutes) and
OPEN_INPUT_RATE_GLOBAL (default 300 per hour).
"""

from __future__ import annotations

import hashlib

from django.conf import settings

from sakrad.rate_limits import client_address, rate_take

PER_ADDRESS_DEFAULT = (5, 10 * 60)
GLOBAL_DEFAULT = (300, 60 * 60)


def _address_key(request) -> str:
    digest = hashlib.sha256((settings.SECRET_KEY + client_address(request)).encode()).hexdigest()
    return f"open_input:address:{digest}"


def submission_allowed(request) -> bool:
    """Take one sending from the address's and the site's allowance; False when either is used up."""
    limit, window = getattr(settings, "OPEN_INPUT_RATE_PER_ADDRESS", PER_ADDRESS_DEFAULT)
    if not rate_take(_address_key(request), limit, window):
        return False
    limit, window = getattr(settings, "OPEN_INPUT_RATE_GLOBAL", GLOBAL_DEFAULT)
    return rate_take("open_input:global", limit, window)
