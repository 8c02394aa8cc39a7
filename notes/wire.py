"""A strict, bounded reader of Yjs v1 updates: untrusted bytes are read here, never first by pycrdt.

pycrdt's native decoder recurses into nested values without a limit (a deep enough array overflows
the stack: the process dies, no exception), reserves memory for whatever length a frame claims, and
wraps 32-bit clocks silently. This reader never recurses more than MAX_DEPTH levels, never allocates
more than the frame holds, refuses clocks and client ids yrs cannot hold, and accepts only the
content kinds our document schema can contain (docs/notes-protocol.md, "What the server refuses").
Anything else raises Malformed. What it returns is plain data that notes/shape/ judges.
"""

from __future__ import annotations

import struct as binary
from dataclasses import dataclass, field

ID = tuple[int, int]  # (client, clock)

MAX_CLIENT = 2**53 - 1  # what a JavaScript number holds; yjs makes 32-bit ids
MAX_CLOCK = 2**31 - 1  # yrs keeps clocks in 32 bits and wraps past them
MAX_DEPTH = 4  # nesting of values in one field; the schema's values are scalars
MAX_KEY_CHARS = 64

# Struct kinds (the low five bits of a struct's info byte).
GC, DELETED, JSON, BINARY, STRING, EMBED, FORMAT, TYPE, ANY, DOC, SKIP = range(11)
ITEM_CONTENTS = {DELETED, STRING, TYPE, ANY}  # what an item of our schema can hold
# Shared types by their reference number: the schema uses these three.
Y_ARRAY, Y_MAP, Y_TEXT = 0, 1, 2

HAS_ORIGIN, HAS_RIGHT_ORIGIN, HAS_PARENT_SUB = 0x80, 0x40, 0x20


class Malformed(ValueError):
    pass


@dataclass(slots=True)
class Struct:
    client: int
    clock: int
    length: int  # in clock units: UTF-16 code units for strings, values for ANY
    kind: int  # GC, SKIP, or an item's content kind
    origin: ID | None = None
    right_origin: ID | None = None
    parent: str | ID | None = None  # a root type's name, a type item's id, or None: as its origins'
    parent_sub: str | None = None  # the key in a map
    value: object = None  # STRING: str; TYPE: type reference; ANY: list of values
    span: tuple[int, int] = (0, 0)  # where its bytes lie in the update it was read from

    @property
    def end(self) -> int:
        return self.clock + self.length

    @property
    def is_item(self) -> bool:
        return self.kind not in (GC, SKIP)


@dataclass
class Update:
    structs: dict[int, list[Struct]] = field(default_factory=dict)  # client -> its structs, in clock order
    deletes: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # client -> [(clock, length)]
    deletes_at: int = 0  # where the delete set begins in the bytes it was read from


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    @property
    def done(self) -> bool:
        return self.pos == len(self.data)

    def byte(self) -> int:
        if self.pos >= len(self.data):
            raise Malformed("truncated")
        self.pos += 1
        return self.data[self.pos - 1]

    def var_uint(self, limit: int = 2**64 - 1) -> int:
        result, shift = 0, 0
        while True:
            byte = self.byte()
            result |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
            if shift > 63:
                raise Malformed("oversized varuint")
        if result > limit:
            raise Malformed("number out of range")
        return result

    def var_int(self) -> int:
        """lib0's signed varint: the first byte holds a sign bit and six value bits."""
        byte = self.byte()
        negative = bool(byte & 0x40)
        result, shift = byte & 0x3F, 6
        while byte & 0x80:
            byte = self.byte()
            result |= (byte & 0x7F) << shift
            shift += 7
            if shift > 70:
                raise Malformed("oversized varint")
        if result > 2**63 - 1:
            raise Malformed("number out of range")
        return -result if negative else result

    def take(self, length: int) -> bytes:
        if length > len(self.data) - self.pos:
            raise Malformed("truncated")
        self.pos += length
        return self.data[self.pos - length : self.pos]

    def var_bytes(self) -> bytes:
        return self.take(self.var_uint())

    def var_string(self, max_chars: int | None = None) -> str:
        raw = self.var_bytes()
        if max_chars is not None and len(raw) > 4 * max_chars:
            raise Malformed("string too long")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            raise Malformed("not UTF-8") from error
        if max_chars is not None and len(text) > max_chars:
            raise Malformed("string too long")
        return text

    def count(self) -> int:
        """A number of entries that follow: each takes at least one byte, so no more than remain."""
        number = self.var_uint()
        if number > len(self.data) - self.pos:
            raise Malformed("count beyond the frame")
        return number

    def id(self) -> ID:
        return self.var_uint(MAX_CLIENT), self.var_uint(MAX_CLOCK)


def _any(reader: Reader, depth: int = 0):
    """lib0's readAny, bounded in depth."""
    tag = reader.byte()
    if tag == 127:
        return None  # undefined
    if tag == 126:
        return None
    if tag == 125:
        return reader.var_int()
    if tag == 124:
        return binary.unpack(">f", reader.take(4))[0]
    if tag == 123:
        return binary.unpack(">d", reader.take(8))[0]
    if tag == 122:
        return binary.unpack(">q", reader.take(8))[0]
    if tag in (121, 120):
        return tag == 120
    if tag == 119:
        return reader.var_string()
    if tag in (118, 117):
        if depth >= MAX_DEPTH:
            raise Malformed("values nested too deeply")
        if tag == 117:
            return [_any(reader, depth + 1) for _ in range(reader.count())]
        return {reader.var_string(MAX_KEY_CHARS): _any(reader, depth + 1) for _ in range(reader.count())}
    if tag == 116:
        return reader.var_bytes()
    raise Malformed(f"unknown value tag {tag}")


def _content(reader: Reader, kind: int) -> tuple[int, object]:
    """(length in clock units, value) of an item's content."""
    if kind == DELETED:
        length = reader.var_uint(MAX_CLOCK)
        if length == 0:
            raise Malformed("empty deleted content")
        return length, length
    if kind == STRING:
        text = reader.var_string()
        if not text:
            raise Malformed("empty string content")
        return utf16_length(text), text
    if kind == TYPE:
        type_ref = reader.var_uint()
        if type_ref not in (Y_ARRAY, Y_MAP, Y_TEXT):
            raise Malformed(f"shared type {type_ref} is not used by the notes")
        return 1, type_ref
    values = [_any(reader) for _ in range(reader.count())]  # ANY
    if not values:
        raise Malformed("empty value content")
    return len(values), values


def _struct(reader: Reader, client: int, clock: int) -> Struct:
    info = reader.byte()
    if info in (GC, SKIP):
        length = reader.var_uint(MAX_CLOCK)
        if length == 0:
            raise Malformed("empty struct")
        return Struct(client, clock, length, info)
    kind = info & 0x1F
    if kind not in ITEM_CONTENTS:
        raise Malformed(f"content kind {kind} is not used by the notes")
    result = Struct(client, clock, 0, kind)
    if info & HAS_ORIGIN:
        result.origin = reader.id()
    if info & HAS_RIGHT_ORIGIN:
        result.right_origin = reader.id()
    if not info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN):
        # yrs reads "parent is a root name" as exactly 1 and anything else as "parent is an id"
        if reader.var_uint() == 1:
            result.parent = reader.var_string(MAX_KEY_CHARS)
        else:
            result.parent = reader.id()
        if info & HAS_PARENT_SUB:
            result.parent_sub = reader.var_string(MAX_KEY_CHARS)
    result.length, result.value = _content(reader, kind)
    return result


def update_read(data: bytes) -> Update:
    """Reads a whole Yjs v1 update strictly (no trailing bytes) or raises Malformed."""
    reader = Reader(data)
    update = Update()
    for _ in range(reader.count()):
        count = reader.count()
        client = reader.var_uint(MAX_CLIENT)
        clock = reader.var_uint(MAX_CLOCK)
        if client in update.structs:
            raise Malformed("a client listed twice")  # yrs would restart its clock mid-list
        structs = update.structs[client] = []
        for _ in range(count):
            start = reader.pos
            item = _struct(reader, client, clock)
            item.span = (start, reader.pos)
            clock = item.end
            if clock > MAX_CLOCK:
                raise Malformed("clock out of range")
            structs.append(item)
    update.deletes_at = reader.pos
    for _ in range(reader.count()):
        client = reader.var_uint(MAX_CLIENT)
        ranges = update.deletes.setdefault(client, [])
        for _ in range(reader.count()):
            start, length = reader.var_uint(MAX_CLOCK), reader.var_uint(MAX_CLOCK)
            if start + length > MAX_CLOCK:
                raise Malformed("deleted range out of range")
            if length:
                ranges.append((start, length))
    if not reader.done:
        raise Malformed("trailing bytes")
    return update


def state_vector_read(data: bytes) -> dict[int, int]:
    """A sync step 1's state vector: client id -> next expected clock."""
    reader = Reader(data)
    result = {}
    for _ in range(reader.count()):
        client = reader.var_uint(MAX_CLIENT)
        result[client] = reader.var_uint(MAX_CLOCK)
    if not reader.done:
        raise Malformed("trailing bytes")
    return result


def _var_uint(number: int) -> bytes:
    out = bytearray()
    while number > 0x7F:
        out.append(0x80 | (number & 0x7F))
        number >>= 7
    out.append(number)
    return bytes(out)


def update_split(data: bytes, limit: int) -> list[bytes]:
    """One of our own updates (a document's state) as several, none much over `limit` bytes, that
    together say the same: Daphne will not send a websocket message over 1 MiB, and a group's notes
    may be larger. Each part holds whole structs of one or more writers from a clock on, the last
    the delete set; a receiver keeps a part that builds on a later one pending until it comes."""
    if len(data) <= limit:
        return [data]
    update = update_read(data)
    parts: list[bytes] = []
    sections: list[bytes] = []  # (writer, first clock, structs) in the part being built
    size = 0

    def flush(deletes: bytes = b"\x00") -> None:
        nonlocal sections, size
        parts.append(_var_uint(len(sections)) + b"".join(sections) + deletes)
        sections, size = [], 0

    for client, structs in update.structs.items():
        run: list[Struct] = []
        for struct in structs:
            length = struct.span[1] - struct.span[0]
            if run and size + length > limit:
                sections.append(_section(data, client, run))
                flush()
                run = []
            run.append(struct)
            size += length
        if run:
            sections.append(_section(data, client, run))
    flush(data[update.deletes_at :])
    return parts


def _section(data: bytes, client: int, structs: list[Struct]) -> bytes:
    raw = b"".join(data[struct.span[0] : struct.span[1]] for struct in structs)
    return _var_uint(len(structs)) + _var_uint(client) + _var_uint(structs[0].clock) + raw
