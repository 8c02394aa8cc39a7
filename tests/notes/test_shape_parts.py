"""The server's bookkeeping of a document's structure (notes/shape/), against plain sets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from pycrdt import Array, Doc, Map, Text

from notes.schema import document_json
from notes.shape import DocShape, Ranges, Run, Runs
from notes.shape.judge import Judge
from notes.wire import update_read, update_split
from tests.notes import crafted

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


def test_judging_is_linear_whatever_an_update_references(monkeypatch):
    """A hand-made update whose every struct waits on the next one, and that deletes in thousands of
    places: each struct is tried a bounded number of times (an algorithm quadratic in the update
    would let one 256 KiB frame hold a worker for minutes)."""
    shape = DocShape()
    base = crafted.point(7, 0, text="x" * 3000)
    shape.record(shape.judge(update_read(base), questions={1}).plan)
    count = 2_000
    chain = [
        crafted.item(content=crafted.STRING, body=crafted.string("a"), right=(9, number + 1))
        for number in range(count - 1)
    ]
    chain.append(crafted.item(content=crafted.STRING, body=crafted.string("a"), origin=(7, 5)))
    deletes = {7: [(6 + 2 * number, 1) for number in range(1_000)]}
    update = update_read(crafted.update({9: (0, chain)}, deletes))
    tries = []
    real = Judge._place
    monkeypatch.setattr(Judge, "_place", lambda self, placed: tries.append(1) or real(self, placed))
    judgement = shape.judge(update, questions={1}, max_point_chars=10_000)
    assert judgement.accepted, judgement.detail
    assert len(tries) <= 2 * count
    shape.record(judgement.plan)
    assert shape.live_chars == 3000 + count - 1000


def _with_an_emoji() -> DocShape:
    """A point whose text is "a😀b": clocks 5 "a", 6 and 7 the emoji's two halves, 8 "b"."""
    shape = DocShape()
    judgement = shape.judge(update_read(crafted.point(1, 0, text="a\U0001f600b")), questions={1})
    assert judgement.plan is not None, judgement
    shape.record(judgement.plan)
    return shape


def _insertion(*, origin=None, right=None) -> bytes:
    body = crafted.string("x")
    return crafted.update(
        {2: (0, [crafted.item(content=crafted.STRING, body=body, origin=origin, right=right)])}
    )


def test_a_cut_inside_an_emoji_is_refused_and_around_it_accepted():
    """yrs applies half an emoji's deletion, then encodes a document that reads back different from
    itself (found by test_update_fuzz); our editor never cuts inside a character."""
    cases = {
        "delete the second half": (crafted.update({}, {1: [(7, 1)]}), False),
        "delete the first half": (crafted.update({}, {1: [(6, 1)]}), False),
        "delete the emoji": (crafted.update({}, {1: [(6, 2)]}), True),
        "delete 'a' and the emoji": (crafted.update({}, {1: [(5, 3)]}), True),
        "insert after the first half": (_insertion(origin=(1, 6)), False),
        "insert before the second half": (_insertion(right=(1, 7)), False),
        "insert after the emoji": (_insertion(origin=(1, 7), right=(1, 8)), True),
        "insert before the emoji": (_insertion(origin=(1, 5), right=(1, 6)), True),
    }
    for name, (update, accepted) in cases.items():
        judgement = _with_an_emoji().judge(update_read(update), questions={1})
        assert judgement.accepted is accepted, (name, judgement)
        if not accepted:
            assert judgement.reason == "schema" and "character" in judgement.detail, name
