"""What notes asks of the group whose notes a socket reads and writes: does it exist, may this person
read it or write in it, is its note-taking open, which questions may a point name.

The groups and their rules belong to breakouts, which sits above notes (docs/architecture.md): it
registers its answers here in its AppConfig.ready(), so notes knows a group by its id only and
imports nothing above it. A group is handed back to the rules as it came from `group_get`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Room:
    group_get: Callable[..., object | None]  # (*, group_id) -> the group, or None when there is none
    may_view: Callable[..., bool]  # (*, user, group)
    may_edit: Callable[..., bool]  # (*, user, group)
    # (*, group_ids) -> (SQL, params) selecting those open: run under the logs' locks, by either driver
    open_groups_sql: Callable[..., tuple[str, list]]
    question_numbers: Callable[..., frozenset[int]]  # (*, group_id)
    # (*, user, group): staff who run the groups, whose plenary wall opens a socket for every group
    runs_groups: Callable[..., bool]


_room: Room | None = None


def room_register(answers: Room) -> None:
    global _room
    _room = answers


def room() -> Room:
    if _room is None:
        raise ImproperlyConfigured("No app has registered the groups notes are kept for (notes/room.py).")
    return _room
