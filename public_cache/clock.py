"""When a public page next changes by the clock alone, with no write: the cache must not keep an
answer past that moment.

The cache knows no domain, so each app whose pages change with time registers here, from its
AppConfig.ready(), a function that gives the next such moment (consultations: a status turns when
registration opens or closes and when a consultation ends). Midnight needs none: the answer key
holds the date (answers.py).
"""

import datetime as dt
from collections.abc import Callable

# (now) -> the next moment before midnight at which a public page changes by itself, or None.
NextChange = Callable[[dt.datetime], dt.datetime | None]

_providers: dict[str, NextChange] = {}


def next_change_register(*, name: str, provider: NextChange) -> None:
    """Ask `provider` for the next change (registering a name again replaces it)."""
    _providers[name] = provider


def next_change(now: dt.datetime) -> dt.datetime | None:
    """The soonest moment any registered provider gives; None when none changes before midnight."""
    moments = (provider(now) for provider in _providers.values())
    return min((moment for moment in moments if moment is not None), default=None)
