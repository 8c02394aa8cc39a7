"""The assignment algorithm over random inputs (a seeded loop: hypothesis is not installed)."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from breakouts.dealing import AssignmentImpossible, Person, assignment_plan

KINDS = ["association", "foundation", "municipality", "region", "agency"]
COUNTIES = ["AB", "C", "D", "E", "F", "G", "H"]


def random_people(rng: random.Random, n_groups: int) -> list[Person]:
    kinds = KINDS[: rng.randint(1, len(KINDS))]
    counties = COUNTIES[: rng.randint(1, len(COUNTIES))]
    people, key = [], 0
    for organisation in range(rng.randint(0, 25)):
        kind, county = rng.choice(kinds), rng.choice(counties)
        for _ in range(rng.randint(1, n_groups)):
            key += 1
            people.append(Person(key=key, organisation=organisation, kind=kind, county=county))
    rng.shuffle(people)
    return people


def spread(groups: list[list[Person]], attribute: str) -> int:
    """The worst difference, over the values of an attribute, between the group with most and least."""
    values = {getattr(person, attribute) for group in groups for person in group}
    worst = 0
    for value in values:
        counts = [sum(getattr(person, attribute) == value for person in group) for group in groups]
        worst = max(worst, max(counts) - min(counts))
    return worst


@pytest.mark.parametrize("seed", range(40))
def test_assignment_properties(seed):
    rng = random.Random(seed)
    n_groups = rng.randint(1, 7)
    people = random_people(rng, n_groups)
    groups = assignment_plan(people, n_groups)

    assert len(groups) == n_groups
    assert sorted(p.key for group in groups for p in group) == sorted(p.key for p in people), "each once"
    for group in groups:
        organisations = Counter(person.organisation for person in group)
        assert max(organisations.values(), default=1) == 1, "never two of one organisation"
    sizes = [len(group) for group in groups]
    assert max(sizes) - min(sizes) <= 1
    assert spread(groups, "kind") <= 1
    assert spread(groups, "county") <= 1
    assert assignment_plan(list(reversed(people)), n_groups) == groups, "deterministic, whatever the order"


def test_too_many_from_one_organisation_is_impossible():
    people = [Person(key=key, organisation=7, kind="association", county="AB") for key in range(4)]
    with pytest.raises(AssignmentImpossible) as raised:
        assignment_plan(people, 3)
    assert (raised.value.organisation, raised.value.people, raised.value.groups) == (7, 4, 3)


def test_kinds_are_spread():
    people = [Person(key=k, organisation=k, kind=KINDS[k % 2], county="AB") for k in range(8)]
    groups = assignment_plan(people, 2)
    assert [Counter(p.kind for p in group) for group in groups] == [Counter({KINDS[0]: 2, KINDS[1]: 2})] * 2
