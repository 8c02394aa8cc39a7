"""Counts, per kind of row, how many the seed created and how many were already there."""

from collections import defaultdict


class Tally:
    def __init__(self, stdout=None):
        self.counts = defaultdict(lambda: {"created": 0, "existing": 0})
        self.stdout = stdout

    def record(self, kind: str, created: bool, label: str = "") -> None:
        self.counts[kind]["created" if created else "existing"] += 1
        if created and self.stdout is not None and label:
            self.stdout.write(f"  + {kind}: {label}")

    def as_dict(self) -> dict:
        return {kind: dict(counts) for kind, counts in self.counts.items()}

    @property
    def created(self) -> int:
        return sum(counts["created"] for counts in self.counts.values())
