"""Telling a client that left from a fault."""

from __future__ import annotations

# uvicorn raises ClientDisconnected when a socket is written to after the client left; websockets'
# and the OS's own errors say the same.
_NAMES = {"ClientDisconnected", "ConnectionClosed", "ConnectionClosedOK", "ConnectionClosedError"}


def is_disconnect(error: BaseException) -> bool:
    """A client that went away while we wrote to it: expected, not an error for the logs."""
    return type(error).__name__ in _NAMES or isinstance(error, ConnectionError)
