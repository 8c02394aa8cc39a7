"""The y-protocols wire format as the consumer uses it: reading a client's frame strictly, building ours.

Message types: 0 sync (step 1, step 2, update), 1 awareness, 2 auth, 3 query awareness. See
docs/notes-protocol.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pycrdt import (
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    write_message,
    write_var_uint,
)

from .wire import Malformed, Reader, Update, state_vector_read, update_read

AUTH = 2
QUERY_AWARENESS = 3
PERMISSION_DENIED = 0
PERMISSION_GRANTED = 1  # our extension: y-protocols readers ignore sub-types they do not know
READ_ONLY = "read-only"
EMPTY_UPDATE = b"\x00\x00"


MAX_AWARENESS_STATE_BYTES = 4096  # a presence state is a name and a point id


@dataclass
class Sync:
    step: YSyncMessageType
    payload: bytes
    update: Update | None = None  # steps 2 and updates, read by notes/wire.py


@dataclass
class Awareness:
    payload: bytes
    states: dict[int, tuple[int, object]] = field(default_factory=dict)  # client id -> (clock, state or None)

    @property
    def clocks(self) -> dict[int, int]:
        """Client id -> clock, for states still set."""
        return {client: clock for client, (clock, state) in self.states.items() if state is not None}

    @property
    def removed(self) -> set[int]:
        return {client for client, (_clock, state) in self.states.items() if state is None}


@dataclass
class QueryAwareness:
    pass


def awareness_read(payload: bytes) -> Awareness:
    reader = Reader(payload)
    result = Awareness(payload=payload)
    for _ in range(reader.count()):
        client, clock = reader.var_uint(2**53 - 1), reader.var_uint(2**53 - 1)
        raw = reader.var_bytes()
        if len(raw) > MAX_AWARENESS_STATE_BYTES:
            raise Malformed("presence state too large")
        try:
            result.states[client] = (clock, json.loads(raw.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, RecursionError) as error:
            raise Malformed("presence state is not JSON") from error
    if not reader.done:
        raise Malformed("trailing bytes")
    return result


def parse(frame: bytes) -> Sync | Awareness | QueryAwareness:
    """Reads a client's frame strictly; raises Malformed. No byte of it has reached pycrdt."""
    reader = Reader(frame)
    kind = reader.var_uint()
    if kind == YMessageType.SYNC:
        step = reader.var_uint()
        if step not in (
            YSyncMessageType.SYNC_STEP1,
            YSyncMessageType.SYNC_STEP2,
            YSyncMessageType.SYNC_UPDATE,
        ):
            raise Malformed(f"unknown sync step {step}")
        message = Sync(step=YSyncMessageType(step), payload=reader.var_bytes())
        if message.step == YSyncMessageType.SYNC_STEP1:
            state_vector_read(message.payload)
        else:
            message.update = update_read(message.payload)
    elif kind == YMessageType.AWARENESS:
        message = awareness_read(reader.var_bytes())
    elif kind == QUERY_AWARENESS:
        message = QueryAwareness()
    else:
        raise Malformed(f"unknown message type {kind}")
    if not reader.done:
        raise Malformed("trailing bytes")
    return message


def awareness_message(states: dict[int, tuple[int, object]]) -> bytes:
    """An awareness frame of these states (None: that client left)."""
    body = write_var_uint(len(states))
    for client, (clock, state) in states.items():
        encoded = json.dumps(state, ensure_ascii=False, separators=(",", ":")).encode()
        body += write_var_uint(client) + write_var_uint(clock) + write_var_uint(len(encoded)) + encoded
    return create_awareness_message(body)


def awareness_merge(frames: list[bytes]) -> bytes:
    """One awareness frame holding the entries of several of ours, in order (a client named twice:
    y-protocols keeps the higher clock)."""
    count, entries = 0, []
    for frame in frames:
        reader = Reader(frame)
        reader.byte()  # the message type
        body = Reader(reader.var_bytes())
        count += body.var_uint()
        entries.append(body.take(len(body.data) - body.pos))
    return create_awareness_message(write_var_uint(count) + b"".join(entries))


def auth_message(granted: bool, reason: str = READ_ONLY) -> bytes:
    sub_type = PERMISSION_GRANTED if granted else PERMISSION_DENIED
    encoded = reason.encode()
    return bytes([AUTH, sub_type]) + write_var_uint(len(encoded)) + encoded


def awareness_removal(clocks: dict[int, int]) -> bytes:
    """What y-websocket's server sends when a socket closes: its clients' states set to null."""
    return awareness_message({client: (clock + 1, None) for client, clock in sorted(clocks.items())})


def sync_message(step: YSyncMessageType, payload: bytes) -> bytes:
    return bytes([YMessageType.SYNC, step]) + write_message(payload)


def sync_step1(state: bytes) -> bytes:
    return sync_message(YSyncMessageType.SYNC_STEP1, state)


def sync_step2(update: bytes) -> bytes:
    return sync_message(YSyncMessageType.SYNC_STEP2, update)


def update_message(update: bytes) -> bytes:
    return sync_message(YSyncMessageType.SYNC_UPDATE, update)
