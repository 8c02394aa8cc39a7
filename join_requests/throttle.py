"""Rate limits on sending the form, kept in the cache and nowhere else (as open input and following a
takeaway do): per client address, per contact address (no one is flooded with confirmation mails) and
for the whole site (a flood from many addresses cannot bury staff). Addresses are only hashed with the
secret key into keys that expire with their window.

Settings (count, seconds): SAKRAD_JOIN_REQUESTS_RATE_PER_ADDRESS (default 5 per hour),
SAKRAD_JOIN_REQUESTS_RATE_PER_EMAIL (3 per day), SAKRAD_JOIN_REQUESTS_RATE_GLOBAL (100 per hour).
"""

from __future__ import annotations

from sakrad.rate_limits import client_address, hashed_key, rate_take_each

PER_ADDRESS_DEFAULT = (5, 60 * 60)
PER_EMAIL_DEFAULT = (3, 24 * 60 * 60)
GLOBAL_DEFAULT = (100, 60 * 60)


def _hashed(kind: str, value: str) -> str:
    return hashed_key("join_requests", kind, value)


def request_allowed(request, *, email: str) -> bool:
    """Take one sending from the client's, the contact address's and the site's allowance."""
    limits = (
        (
            _hashed("client", client_address(request)),
            "SAKRAD_JOIN_REQUESTS_RATE_PER_ADDRESS",
            PER_ADDRESS_DEFAULT,
        ),
        (_hashed("email", email.lower()), "SAKRAD_JOIN_REQUESTS_RATE_PER_EMAIL", PER_EMAIL_DEFAULT),
        ("join_requests:global", "SAKRAD_JOIN_REQUESTS_RATE_GLOBAL", GLOBAL_DEFAULT),
    )
    return rate_take_each(limits)
