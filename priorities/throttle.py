"""A cap on ballot posts per person, in the cache only: a script posting in a loop is answered 429
after a few tries, before any query, and the rest of the room is not slowed by it. A person votes once,
so an honest phone never comes near it (a double tap, a reload after a refusal)."""

from __future__ import annotations

from sakrad.rate_limits import rate_take

PER_PERSON = (10, 60)  # posts, seconds


def ballot_post_allowed(*, user_id: int) -> bool:
    limit, window = PER_PERSON
    key = f"priorities:posts:{user_id}"
    return rate_take(key, limit, window)
