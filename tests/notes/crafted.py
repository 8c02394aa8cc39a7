"""Hand-made Yjs v1 updates and y-protocols frames, as an attacker would write them (no Yjs library
would make most of these). The layouts are those of notes/wire.py and docs/notes-protocol.md."""

from __future__ import annotations

import json
import struct as binary

from notes.protocol import QUERY_AWARENESS, update_message

GC, DELETED, JSON, BINARY, STRING, EMBED, FORMAT, TYPE, ANY, DOC, SKIP = range(11)
Y_ARRAY, Y_MAP, Y_TEXT, Y_XML_ELEMENT = 0, 1, 2, 3
HAS_ORIGIN, HAS_RIGHT_ORIGIN, HAS_PARENT_SUB = 0x80, 0x40, 0x20


def var_uint(number: int) -> bytes:
    out = bytearray()
    while True:
        byte = number & 0x7F
        number >>= 7
        if number:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def var_int(number: int) -> bytes:
    negative, number = number < 0, abs(number)
    first = (number & 0x3F) | (0x40 if negative else 0)
    number >>= 6
    out = bytearray([first | (0x80 if number else 0)])
    while number:
        byte = number & 0x7F
        number >>= 7
        out.append(byte | (0x80 if number else 0))
    return bytes(out)


def var_bytes(data: bytes) -> bytes:
    return var_uint(len(data)) + data


def var_string(text: str) -> bytes:
    return var_bytes(text.encode("utf-8", "surrogatepass"))


def any_value(value) -> bytes:
    """lib0's writeAny (recursive: only for shallow values; see deep_array)."""
    if value is None:
        return b"\x7e"
    if value is True:
        return b"\x78"
    if value is False:
        return b"\x79"
    if isinstance(value, int):
        return b"\x7d" + var_int(value)
    if isinstance(value, float):
        return b"\x7b" + binary.pack(">d", value)
    if isinstance(value, str):
        return b"\x77" + var_string(value)
    if isinstance(value, bytes):
        return b"\x74" + var_bytes(value)
    if isinstance(value, list):
        return b"\x75" + var_uint(len(value)) + b"".join(any_value(item) for item in value)
    if isinstance(value, dict):
        body = b"".join(var_string(key) + any_value(item) for key, item in value.items())
        return b"\x76" + var_uint(len(value)) + body
    raise TypeError(value)


def deep_array(depth: int) -> bytes:
    """[[[ … null … ]]] `depth` levels deep, built without recursion."""
    return b"\x75\x01" * depth + b"\x7e"


def deep_map(depth: int) -> bytes:
    return (b"\x76\x01" + var_string("a")) * depth + b"\x7e"


def item(
    *,
    content: int,
    body: bytes,
    parent: str | tuple[int, int] | None = None,
    key: str | None = None,
    origin: tuple[int, int] | None = None,
    right: tuple[int, int] | None = None,
) -> bytes:
    """One item struct: info byte, origins or parent, key, then the content's own bytes."""
    info = content | (HAS_ORIGIN if origin else 0) | (HAS_RIGHT_ORIGIN if right else 0)
    info |= HAS_PARENT_SUB if key is not None else 0
    out = bytes([info])
    if origin:
        out += var_uint(origin[0]) + var_uint(origin[1])
    if right:
        out += var_uint(right[0]) + var_uint(right[1])
    if not origin and not right:
        if isinstance(parent, str):
            out += var_uint(1) + var_string(parent)
        else:
            out += var_uint(0) + var_uint(parent[0]) + var_uint(parent[1])
        if key is not None:
            out += var_string(key)
    return out + body


def values(*items) -> bytes:
    return var_uint(len(items)) + b"".join(any_value(value) for value in items)


def string(text: str) -> bytes:
    return var_string(text)


def update(
    clients: dict[int, tuple[int, list[bytes]]], deletes: dict[int, list[tuple[int, int]]] = None
) -> bytes:
    """{client: (first clock, [struct, ...])}, {client: [(clock, length), ...]}."""
    out = var_uint(len(clients))
    for client, (clock, structs) in clients.items():
        out += var_uint(len(structs)) + var_uint(client) + var_uint(clock) + b"".join(structs)
    deletes = deletes or {}
    out += var_uint(len(deletes))
    for client, ranges in deletes.items():
        out += var_uint(client) + var_uint(len(ranges))
        out += b"".join(var_uint(start) + var_uint(length) for start, length in ranges)
    return out


def frame(payload: bytes) -> bytes:
    """A sync update frame (0/2) carrying the payload."""
    return update_message(payload)


def point(client: int, clock: int, *, point_id="p1", question=1, text="", takeaway=False) -> bytes:
    """A whole point, as one update: the map in `points`, then its four entries (and its text)."""
    structs = [
        item(content=TYPE, body=var_uint(Y_MAP), parent="points"),
        item(content=ANY, body=values(point_id), parent=(client, clock), key="id"),
        item(content=ANY, body=values(question), parent=(client, clock), key="question"),
        item(content=TYPE, body=var_uint(Y_TEXT), parent=(client, clock), key="text"),
        item(content=ANY, body=values(takeaway), parent=(client, clock), key="takeaway"),
    ]
    if text:
        structs.append(item(content=STRING, body=string(text), parent=(client, clock + 3)))
    return update({client: (clock, structs)})


def awareness(states: dict[int, tuple[int, object]]) -> bytes:
    body = var_uint(len(states))
    for client, (clock, state) in states.items():
        body += var_uint(client) + var_uint(clock) + var_string(json.dumps(state))
    return b"\x01" + var_bytes(body)


QUERY = bytes([QUERY_AWARENESS])
