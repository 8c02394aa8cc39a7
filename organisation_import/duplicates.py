"""Likely duplicates by name: names that read alike once case, accents of form and punctuation are set aside.

Comparing every row with every organisation is a million comparisons for a large file. We compare each
name only with its neighbours in alphabetical order, and again with the names spelt backwards (the
"sorted neighbourhood" method of record linkage): a slip at the end of a name keeps its neighbours in
the first order, a slip at the start in the second. A pair far apart in both orders can be missed; these
are likely duplicates, for staff to judge, not a proof."""

from __future__ import annotations

from organisations.names import SIMILAR, similarity

WINDOW = 8


def similar_pairs(names: list[str]) -> dict[tuple[int, int], float]:
    """(i, j) with i < j → ratio, for the normalised `names` at least SIMILAR alike among neighbours."""
    pairs: dict[tuple[int, int], float] = {}
    for key in (lambda i: names[i], lambda i: names[i][::-1]):
        order = sorted(range(len(names)), key=key)
        for position, i in enumerate(order):
            for j in order[position + 1 : position + 1 + WINDOW]:
                pair = (min(i, j), max(i, j))
                if pair not in pairs:
                    ratio = 1.0 if names[i] == names[j] else similarity(names[i], names[j])
                    if ratio >= SIMILAR:
                        pairs[pair] = ratio
    return pairs
