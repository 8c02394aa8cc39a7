"""How long a stored answer may be kept: an hour at most, but never past the next moment a page's
content changes by itself. Midnight is the answer key's own (its date); during the day the apps
registered in clock.py say when (a consultation's status, when registration opens or closes and when
it ends)."""

import math

from django.conf import settings
from django.utils import timezone

from .clock import next_change


def seconds_to_keep() -> int:
    """Made only when an answer is stored (a miss): one query per registered provider."""
    now = timezone.now()
    change = next_change(now)
    if change is None:
        return settings.SAKRAD_PUBLIC_CACHE_SECONDS
    return max(1, min(settings.SAKRAD_PUBLIC_CACHE_SECONDS, math.ceil((change - now).total_seconds())))
