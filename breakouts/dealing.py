"""Dealing people into N groups: never two of one organisation in a group, sizes within one of each
other, kinds and counties of organisations spread as evenly as possible. Pure and deterministic.

First a feasible deal: organisations largest first, people dealt round-robin, so an organisation's
people (at most N of them) land in N different groups and sizes differ by at most one. Then local
search: swap two people of different organisations between groups while that lowers the imbalance
(sum of squared deviations from the ideal share of every kind and county). Swaps keep the sizes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations


@dataclass(frozen=True)
class Person:
    key: int  # the user id
    organisation: int
    kind: str
    county: str


class AssignmentImpossible(ValueError):
    def __init__(self, organisation: int, people: int, groups: int):
        super().__init__(f"organisation {organisation} has {people} people for {groups} groups")
        self.organisation, self.people, self.groups = organisation, people, groups


KIND_WEIGHT = 2  # kinds matter more than counties when both cannot be even


def _initial(people: list[Person], n_groups: int) -> list[list[Person]]:
    by_org: dict[int, list[Person]] = {}
    for person in sorted(people, key=lambda p: p.key):
        by_org.setdefault(person.organisation, []).append(person)
    for org, members in by_org.items():
        if len(members) > n_groups:
            raise AssignmentImpossible(org, len(members), n_groups)
    order = sorted(
        by_org, key=lambda org: (-len(by_org[org]), by_org[org][0].kind, by_org[org][0].county, org)
    )
    groups: list[list[Person]] = [[] for _ in range(n_groups)]
    for index, person in enumerate(person for org in order for person in by_org[org]):
        groups[index % n_groups].append(person)
    return groups


def _features(person: Person) -> list[tuple[str, str, int]]:
    return [("kind", person.kind, KIND_WEIGHT), ("county", person.county, 1)]


def _cost(counts: list[Counter], totals: Counter, n_groups: int) -> float:
    cost = 0.0
    for (name, value), total in totals.items():
        weight = KIND_WEIGHT if name == "kind" else 1
        ideal = total / n_groups
        cost += weight * sum((group[(name, value)] - ideal) ** 2 for group in counts)
    return cost


def _counts(group: list[Person]) -> Counter:
    return Counter((name, value) for person in group for name, value, _w in _features(person))


def _swap_allowed(groups, a: int, i: int, b: int, j: int) -> bool:
    x, y = groups[a][i], groups[b][j]
    if x.organisation == y.organisation:
        return False
    orgs_a = {p.organisation for k, p in enumerate(groups[a]) if k != i}
    orgs_b = {p.organisation for k, p in enumerate(groups[b]) if k != j}
    return y.organisation not in orgs_a and x.organisation not in orgs_b


def _improve(groups: list[list[Person]], max_passes: int = 50) -> None:
    n_groups = len(groups)
    totals = Counter((n, v) for group in groups for p in group for n, v, _w in _features(p))
    counts = [_counts(group) for group in groups]
    best = _cost(counts, totals, n_groups)
    for _ in range(max_passes):
        improved = False
        for a, b in combinations(range(n_groups), 2):
            for i in range(len(groups[a])):
                for j in range(len(groups[b])):
                    if not _swap_allowed(groups, a, i, b, j):
                        continue
                    x, y = groups[a][i], groups[b][j]
                    trial = list(counts)
                    trial[a] = counts[a] - _counts([x]) + _counts([y])
                    trial[b] = counts[b] - _counts([y]) + _counts([x])
                    cost = _cost(trial, totals, n_groups)
                    if cost < best - 1e-9:
                        groups[a][i], groups[b][j] = y, x
                        counts, best, improved = trial, cost, True
        if not improved:
            return


def assignment_plan(people: list[Person], n_groups: int) -> list[list[Person]]:
    """N lists of people; raises AssignmentImpossible when one organisation has more than N people."""
    if n_groups < 1:
        raise ValueError("at least one group")
    groups = _initial(people, n_groups)
    _improve(groups)
    return [sorted(group, key=lambda p: p.key) for group in groups]
