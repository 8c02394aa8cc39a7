"""The server's bookkeeping of a document's structure (notes/shape.py), against plain sets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Array, Doc, Map, Text

from notes.schema import document_json
from notes.shape import Ranges, Run, Runs
from notes.wire import update_split

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), min_size=1, max_size=20)


@settings(max_examples=300, deadline=None)
@given(spans, st.integers(0, 70), st.integers(1, 12))
def test_ranges_hold_exactly_what_was_added(added, start, length):
    ranges, expected = Ranges(), set()
    for first, size in added:
        ranges.add(first, first + size)
        expected |= set(range(first, first + size))
    held = {clock for begin, end in ranges.spans for clock in range(begin, end)}
    assert held == expected
    assert all(left[1] < right[0] for left, right in zip(ranges.spans, ranges.spans[1:], strict=False))
    missing = {clock for begin, end in ranges.missing(start, start + length) for clock in range(begin, end)}
    assert missing == set(range(start, start + length)) - expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.sampled_from(["a", "b"])), min_size=1, max_size=30))
def test_runs_find_the_place_of_every_clock(pieces):
    runs, places, clock = Runs(), [], 0
    for size, place in pieces:
        runs.add(Run(clock, clock + size, place, None, 4))
        places += [place] * size
        clock += size
    assert runs.end == len(places)
    assert [runs.at(number).container for number in range(len(places))] == places
    assert runs.at(len(places)) is None
    assert len(runs.items) <= len(pieces), "neighbours in one place merge"


def test_a_large_state_is_sent_in_parts_that_together_are_the_document():
    """Daphne sends no websocket message over 1 MiB; a group's notes may be larger."""
    doc = Doc()
    points = doc.get("points", type=Array)
    for number in range(40):
        with doc.transaction():
            points.append(
                Map({"id": f"p{number}", "question": 1, "text": Text("x" * 3000), "takeaway": False})
            )
    for number in range(0, 40, 3):
        del points[number]["text"][5:50]
    state = doc.get_update()
    parts = update_split(state, 20_000)
    assert len(parts) > 5 and max(map(len, parts)) < 21_000
    for order in (parts, parts[::-1]):  # the layer or a slow part may reorder nothing, but a client copes
        copy = Doc()
        for part in order:
            copy.apply_update(part)
        assert document_json(copy) == document_json(doc) and copy.get_state() == doc.get_state()
    assert update_split(state, len(state)) == [state]
