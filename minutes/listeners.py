"""Who hears that a takeaway changed: apps above the minutes (the public register, outcomes/) register
a callback from their `ready()`, by dotted path (imported when first called, as minutes/sections.py's
providers are), so the minutes never import them.

A callback runs inside the service's transaction, once per takeaway and change: a status set on the
follow-up screen, or a follow-up that answers the takeaway (with the status it gave, if any). It may
write rows and queue mails in that transaction; what it raises undoes the change.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class TakeawayChange:
    takeaway_id: int
    minutes_id: int
    old_status: str
    new_status: str  # the same as old_status when a follow-up answered it without changing it
    follow_up_id: int | None  # the follow-up that answered it, if that was the change
    user_id: int | None


_listeners: list[str] = []


def takeaway_listener_register(listener: str) -> None:
    """`listener`: the dotted path of a function taking one TakeawayChange."""
    if listener not in _listeners:
        _listeners.append(listener)


def takeaway_change_announce(change: TakeawayChange) -> None:
    for listener in _listeners:
        import_string(listener)(change)
