"""Token buckets: per socket, and per person across all their sockets in this process. Typing is
bursty, a flood is not."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from . import limits


class TokenBucket:
    def __init__(self, rate: float, burst: float, clock=time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens = float(burst)
        self.updated = clock()

    def _refill(self) -> None:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def take(self, amount: float = 1) -> bool:
        self._refill()
        if self.tokens < amount:
            return False
        self.tokens -= amount
        return True

    def drain(self, amount: float) -> None:
        """Spent elsewhere (the person's socket on another worker): owed, down to one burst."""
        self._refill()
        self.tokens = max(-self.burst, self.tokens - amount)


@dataclass
class MemberAllowance:
    frames: TokenBucket = field(
        default_factory=lambda: TokenBucket(limits.MEMBER_RATE_PER_SECOND, limits.MEMBER_RATE_BURST)
    )
    bytes: TokenBucket = field(
        default_factory=lambda: TokenBucket(limits.MEMBER_BYTES_PER_SECOND, limits.MEMBER_BYTES_BURST)
    )
    sockets: int = 0


_allowances: dict[int, MemberAllowance] = {}


def allowance_acquire(user_id: int) -> MemberAllowance:
    allowance = _allowances.setdefault(user_id, MemberAllowance())
    allowance.sockets += 1
    return allowance


def allowance_release(user_id: int) -> None:
    allowance = _allowances.get(user_id)
    if allowance is not None:
        allowance.sockets -= 1
        if allowance.sockets <= 0:
            del _allowances[user_id]


def allowance_of(user_id: int) -> MemberAllowance | None:
    return _allowances.get(user_id)
