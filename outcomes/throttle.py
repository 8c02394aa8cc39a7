"""Rate limits on asking to follow a takeaway, kept in the cache and nowhere else: per client address,
per e-mail address (no one is flooded with confirmation mails) and for the whole site. Addresses are
only hashed with the secret key into keys that expire with their window.

Settings (count, seconds): SAKRAD_OUTCOMES_FOLLOW_RATE_PER_ADDRESS (default 10 per hour),
SAKRAD_OUTCOMES_FOLLOW_RATE_PER_EMAIL (3 per day), SAKRAD_OUTCOMES_FOLLOW_RATE_GLOBAL (500 per hour).
"""

from __future__ import annotations

from sakrad.rate_limits import client_address, hashed_key, rate_take_each

PER_ADDRESS_DEFAULT = (10, 60 * 60)
PER_EMAIL_DEFAULT = (3, 24 * 60 * 60)
GLOBAL_DEFAULT = (500, 60 * 60)


def _hashed(kind: str, value: str) -> str:
    return hashed_key("outcomes:follow", kind, value)


def follow_allowed(request, *, email: str) -> bool:
    """Take one request from the client's, the address's and the site's allowance."""
    limits = (
        (
            _hashed("client", client_address(request)),
            "SAKRAD_OUTCOMES_FOLLOW_RATE_PER_ADDRESS",
            PER_ADDRESS_DEFAULT,
        ),
        (_hashed("email", email.lower()), "SAKRAD_OUTCOMES_FOLLOW_RATE_PER_EMAIL", PER_EMAIL_DEFAULT),
        ("outcomes:follow:global", "SAKRAD_OUTCOMES_FOLLOW_RATE_GLOBAL", GLOBAL_DEFAULT),
    )
    return rate_take_each(limits)
