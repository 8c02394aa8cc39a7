"""Small readers of the Yjs v1 binary formats that pycrdt does not expose: state vectors and the
delete set of an update. Used to tell whether an update is fully integrated in a document."""

from __future__ import annotations

from pycrdt import get_update


class Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0

    def var_uint(self) -> int:
        result, shift = 0, 0
        while True:
            if self.pos >= len(self.data) or shift > 63:
                raise ValueError("truncated or oversized varuint")
            byte = self.data[self.pos]
            self.pos += 1
            result |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return result

    def var_bytes(self) -> bytes:
        length = self.var_uint()
        if self.pos + length > len(self.data):
            raise ValueError("truncated message")
        chunk = self.data[self.pos : self.pos + length]
        self.pos += length
        return chunk

    def var_string(self) -> str:
        return self.var_bytes().decode("utf-8")

    @property
    def done(self) -> bool:
        return self.pos == len(self.data)


def state_vector(encoded: bytes) -> dict[int, int]:
    """client id -> next expected clock."""
    reader = Reader(encoded)
    return {reader.var_uint(): reader.var_uint() for _ in range(reader.var_uint())}


def _read_delete_set(reader: Reader) -> dict[int, list[tuple[int, int]]]:
    result: dict[int, list[tuple[int, int]]] = {}
    for _ in range(reader.var_uint()):
        client = reader.var_uint()
        result[client] = [(reader.var_uint(), reader.var_uint()) for _ in range(reader.var_uint())]
    return result


def leftover(update: bytes, state: bytes) -> dict[int, list[tuple[int, int]]] | None:
    """What the update holds beyond a document's state vector: None when some structs are beyond it,
    else the update's delete set. (Diffing against a state vector drops the structs it covers and
    keeps every deletion; pycrdt's get_state(update) cannot serve, it counts only from clock 0.)"""
    reader = Reader(get_update(update, state))
    if reader.var_uint() != 0:
        return None
    return _read_delete_set(reader)


def delete_set_of(doc_update: bytes, state: bytes) -> dict[int, list[tuple[int, int]]]:
    """The delete set of a whole document, given as (doc.get_update(), doc.get_state())."""
    result = leftover(doc_update, state)
    if result is None:
        raise ValueError("a document's own update reaches beyond its state vector")
    return result


def is_integrated(update: bytes, state: bytes) -> bool:
    """True when a document with this state vector holds everything the update carries: no struct of
    it waits beyond the state vector (yrs keeps structs with missing dependencies "pending", outside
    it), and every item it deletes lies below the state vector (else the deletion waits too)."""
    deletes = leftover(update, state)
    if deletes is None:
        return False
    clocks = state_vector(state)
    return all(
        clocks.get(client, 0) >= start + length
        for client, ranges in deletes.items()
        for start, length in ranges
    )


def _covered(ranges: list[tuple[int, int]], start: int, length: int) -> bool:
    end = start + length
    for range_start, range_length in sorted(ranges):
        if range_start <= start < range_start + range_length:
            start = range_start + range_length
            if start >= end:
                return True
    return start >= end


def adds_nothing(update: bytes, state: bytes, full_update: bytes) -> bool:
    """True when a document (its state vector, its whole state as an update) already holds everything
    the update carries: what a client's sync step 2 usually is when it had nothing new."""
    if not is_integrated(update, state):
        return False
    known = delete_set_of(full_update, state)
    return all(
        _covered(known.get(client, []), start, length)
        for client, ranges in (leftover(update, state) or {}).items()
        for start, length in ranges
    )
