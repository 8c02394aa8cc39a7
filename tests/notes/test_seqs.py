"""What a socket or a worker's document holds of the log, whatever order updates arrive in."""

from notes.seqs import SeqSet


def test_updates_in_order_raise_the_floor():
    held = SeqSet(3)
    assert held.add(4) and held.add(5)
    assert (held.floor, held.above, held.missing()) == (5, set(), [])


def test_an_update_past_a_hole_is_held_and_the_hole_is_named():
    held = SeqSet(3)
    held.add(6)
    assert 6 in held and 5 not in held
    assert held.missing() == [4, 5]
    assert held.missing(upto=8) == [4, 5, 7, 8]


def test_the_hole_filled_late_joins_everything_up():
    held = SeqSet(3)
    for seq in (6, 5, 4):
        held.add(seq)
    assert (held.floor, held.above, held.top) == (6, set(), 6)


def test_a_repeat_is_reported_as_held():
    held = SeqSet(3)
    assert not held.add(2)
    assert held.add(5) and not held.add(5)
