"""What judging one keystroke on the notes socket costs (notes/wire.py, notes/shape.py), beside what
pycrdt's applying it costs: `python -m bench.judge`. No server, no database."""

from __future__ import annotations

import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sakrad.settings.test")


def main(points: int = 50, keystrokes: int = 3000) -> None:
    import django

    django.setup()
    from pycrdt import Array, Doc, Map, Text

    from notes.shape import DocShape
    from notes.wire import update_read

    doc = Doc()
    array = doc.get("points", type=Array)
    before = doc.get_state()
    with doc.transaction():
        for number in range(points):
            array.append(Map({"id": f"p{number}", "question": 1, "text": Text("x" * 200), "takeaway": False}))
    shape = DocShape()
    shape.record(shape.judge(update_read(doc.get_update(before)), questions={1}).plan)
    base = doc.get_update()
    updates = []
    for number in range(keystrokes):  # each in another point: runs cannot merge, the worst case
        before = doc.get_state()
        array[number % points]["text"].insert(100, "a")
        updates.append(doc.get_update(before))

    started = time.perf_counter()
    for update in updates:
        judgement = shape.judge(update_read(update), questions={1}, max_point_chars=5000)
        shape.record(judgement.plan)
    judged = (time.perf_counter() - started) / keystrokes
    started = time.perf_counter()
    for update in updates:
        update_read(update)
    read = (time.perf_counter() - started) / keystrokes
    copy = Doc()
    copy.apply_update(base)
    started = time.perf_counter()
    for update in updates:
        copy.apply_update(update)
    applied = (time.perf_counter() - started) / keystrokes
    runs = sum(len(client.items) for client in shape.runs.values())
    print(f"read and judge a keystroke: {judged * 1e6:.1f} µs (reading alone {read * 1e6:.1f} µs)")
    print(f"pycrdt applying it:         {applied * 1e6:.1f} µs")
    print(f"runs the server keeps: {runs} for {keystrokes} keystrokes in {points} points")


if __name__ == "__main__":
    main()
