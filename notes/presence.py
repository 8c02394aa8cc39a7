"""Presence is the server's word: who a client is comes from its socket's session, not from what it sends.

y-protocols relays awareness states as the clients send them, so a member could appear under another's
name, or as staff, and clear another's presence with a null state for their client id. Here each
socket speaks only for the client ids it claimed first (one per page in y-websocket; a few at most),
and every state it sends is rebuilt: `user` is the socket's person, only `editing` (a point id) is
taken from the client. docs/notes-protocol.md, "Presence".
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.contrib.auth import get_user_model

from sakrad.roles import is_staff

from . import limits
from .protocol import Awareness, awareness_message
from .rules import CONTROL, MAX_ID_CHARS


def person_colour(user_id: int) -> str:
    """A stable colour per person that nobody else can take (dark enough for white text)."""
    hue = int(hashlib.sha256(str(user_id).encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue} 70% 35%)"


@dataclass(frozen=True)
class Person:
    user_id: int
    name: str
    staff: bool

    @property
    def colour(self) -> str:
        return person_colour(self.user_id)

    def state(self, sent: object) -> dict:
        editing = sent.get("editing") if isinstance(sent, dict) else None
        if not (
            isinstance(editing, str) and 0 < len(editing) <= MAX_ID_CHARS and not CONTROL.search(editing)
        ):
            editing = None
        return {"user": {"name": self.name, "colour": self.colour, "staff": self.staff}, "editing": editing}


class PresenceOwners:
    """Which person speaks for which client id in one group, as this process knows it: its own sockets'
    claims and those relayed from other workers' sockets."""

    def __init__(self):
        self.owners: dict[int, int] = {}

    def allows(self, client: int, user_id: int) -> bool:
        return self.owners.get(client, user_id) == user_id

    def claim(self, clients, user_id: int) -> None:
        for client in clients:
            self.owners.setdefault(client, user_id)

    def release(self, clients, user_id: int) -> None:
        for client in clients:
            if self.owners.get(client) == user_id:
                del self.owners[client]

    def note(self, messages) -> None:
        """Other sockets' presence messages: who now speaks for which client ids."""
        for message in messages:
            if message.get("user") is not None:
                self.claim(message.get("claimed", ()), message["user"])
                self.release(message.get("removed", ()), message["user"])


@dataclass
class Rewritten:
    frame: bytes | None  # None: nothing left to relay
    set: dict[int, int]  # client -> clock, states now set
    removed: set[int]
    states: dict[int, dict]  # client -> the state as relayed

    def renews(self, before: dict[int, dict]) -> bool:
        """Nothing but higher clocks for states the peers already have: y-protocols' 15 s keep-alive."""
        return not self.removed and all(before.get(client) == state for client, state in self.states.items())


def presence_rewrite(
    message: Awareness, *, person: Person, own: dict[int, int], owners: PresenceOwners
) -> Rewritten:
    """The socket's awareness message as the others may see it. `own`: the client ids (and clocks) this
    socket has spoken for so far."""
    states: dict[int, tuple[int, object]] = {}
    result = Rewritten(frame=None, set={}, removed=set(), states={})
    for client, (clock, sent) in message.states.items():
        if not owners.allows(client, person.user_id):
            continue
        if sent is None:
            if client in own:
                states[client] = (clock, None)
                result.removed.add(client)
            continue
        if client not in own and len(own) + len(result.set) >= limits.MAX_PRESENCE_CLIENTS:
            continue
        states[client] = (clock, person.state(sent))
        result.set[client] = clock
        result.states[client] = states[client][1]
    if states:
        result.frame = awareness_message(states)
    return result


def presence_person(*, user_id: int) -> Person:
    user = get_user_model().objects.select_related("organisation").get(pk=user_id)
    return Person(user_id=user.pk, name=user.public_name(), staff=is_staff(user))
