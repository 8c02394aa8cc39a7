"""Which sequence numbers of a group's log something holds (a worker's document, a client).

The channel layer may deliver updates out of order or not at all. Yjs merges updates in any order,
so nothing waits for order; this only remembers what is held, to find what is still missing.
"""

from __future__ import annotations


class SeqSet:
    def __init__(self, floor: int = 0):
        self.floor = floor  # every seq up to here is held
        self.above: set[int] = set()

    def __contains__(self, seq: int) -> bool:
        return seq <= self.floor or seq in self.above

    def add(self, seq: int) -> bool:
        """Records seq; False when it was held already."""
        if seq in self:
            return False
        self.above.add(seq)
        while self.floor + 1 in self.above:
            self.floor += 1
            self.above.remove(self.floor)
        return True

    @property
    def top(self) -> int:
        return max(self.above, default=self.floor)

    def missing(self, upto: int | None = None) -> list[int]:
        end = max(self.top, upto or 0)
        return [seq for seq in range(self.floor + 1, end + 1) if seq not in self.above]

    def copy(self) -> SeqSet:
        twin = SeqSet(self.floor)
        twin.above = set(self.above)
        return twin
