"""The y-protocols wire format as the consumer uses it: reading a client's frame strictly, building ours.

Message types: 0 sync (step 1, step 2, update), 1 awareness, 2 auth, 3 query awareness. See
docs/notes-protocol.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pycrdt import (
    Doc,
    YMessageType,
    YSyncMessageType,
    create_awareness_message,
    write_message,
    write_var_uint,
)

from .yjs import Reader, state_vector

AUTH = 2
QUERY_AWARENESS = 3
PERMISSION_DENIED = 0
PERMISSION_GRANTED = 1  # our extension: y-protocols readers ignore sub-types they do not know
READ_ONLY = "read-only"
EMPTY_UPDATE = b"\x00\x00"


class Malformed(ValueError):
    pass


@dataclass
class Sync:
    step: YSyncMessageType
    payload: bytes


@dataclass
class Awareness:
    payload: bytes
    clocks: dict[int, int] = field(default_factory=dict)  # client id -> clock, for states still set
    removed: set[int] = field(default_factory=set)


@dataclass
class QueryAwareness:
    pass


def _check_update(payload: bytes) -> None:
    if payload == EMPTY_UPDATE:
        return
    try:
        Doc().apply_update(payload)  # decodes it fully; a missing dependency only waits, no error
    except Exception as error:  # noqa: BLE001 (pycrdt raises its own types for bad input)
        raise Malformed("not a Yjs update") from error


def _awareness(payload: bytes) -> Awareness:
    reader = Reader(payload)
    result = Awareness(payload=payload)
    for _ in range(reader.var_uint()):
        client, clock = reader.var_uint(), reader.var_uint()
        state = json.loads(reader.var_string())
        if state is None:
            result.removed.add(client)
        else:
            result.clocks[client] = clock
    if not reader.done:
        raise Malformed("trailing bytes")
    return result


def parse(frame: bytes) -> Sync | Awareness | QueryAwareness:
    try:
        reader = Reader(frame)
        kind = reader.var_uint()
        if kind == YMessageType.SYNC:
            step = YSyncMessageType(reader.var_uint())
            message = Sync(step=step, payload=reader.var_bytes())
            if step == YSyncMessageType.SYNC_STEP1:
                state_vector(message.payload)
            else:
                _check_update(message.payload)
        elif kind == YMessageType.AWARENESS:
            message = _awareness(reader.var_bytes())
        elif kind == QUERY_AWARENESS:
            message = QueryAwareness()
        else:
            raise Malformed(f"unknown message type {kind}")
        if not reader.done:
            raise Malformed("trailing bytes")
        return message
    except Malformed:
        raise
    except (ValueError, UnicodeDecodeError, IndexError) as error:
        raise Malformed(str(error)) from error


def auth_message(granted: bool, reason: str = READ_ONLY) -> bytes:
    sub_type = PERMISSION_GRANTED if granted else PERMISSION_DENIED
    encoded = reason.encode()
    return bytes([AUTH, sub_type]) + write_var_uint(len(encoded)) + encoded


def awareness_removal(clocks: dict[int, int]) -> bytes:
    """What y-websocket's server sends when a socket closes: its clients' states set to null."""
    body = write_var_uint(len(clocks))
    for client, clock in sorted(clocks.items()):
        body += write_var_uint(client) + write_var_uint(clock + 1) + write_var_uint(4) + b"null"
    return create_awareness_message(body)


def sync_message(step: YSyncMessageType, payload: bytes) -> bytes:
    return bytes([YMessageType.SYNC, step]) + write_message(payload)


def sync_step1(state: bytes) -> bytes:
    return sync_message(YSyncMessageType.SYNC_STEP1, state)


def sync_step2(update: bytes) -> bytes:
    return sync_message(YSyncMessageType.SYNC_STEP2, update)


def update_message(update: bytes) -> bytes:
    return sync_message(YSyncMessageType.SYNC_UPDATE, update)
