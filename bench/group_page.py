"""How long a group page takes to load in Chromium with its notes at the largest sizes allowed.

    DJANGO_SETTINGS_MODULE=sakrad.settings.dev python -m bench.group_page --url http://127.0.0.1:8000

Runs against a RUNNING server (`make run`, or `make serve` with its DATABASE_URL) and writes into
that server's database: for each case a consultation with one group, a member, and points of
`NOTES_MAX_POINT_CHARS` characters without a space (the case that froze the page at 1 MB). Then a
fresh Chromium (Debian's, as the tests use it) opens the page as the member, three times per case,
and reports the median time to the `load` event and until the notes are live (the script has taken
over: `#notes.notes--live`, every point in a textarea). Issue 15: under 2 s at the largest size
allowed. See docs/benchmarks.md, "Group page at its limits".
"""

from __future__ import annotations

import argparse
import statistics
import time

from .fixtures import _consultation, _django, _session

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def prepare(label: str, points: int) -> tuple[int, str, str]:
    """(group id, session cookie name, the member's session) for a group holding `points` full points."""
    from django.conf import settings

    from accounts.models import User
    from breakouts.services import breakout_group_create, group_member_add, note_taking_open
    from consultations.models import DiscussionQuestion
    from demo.live_notes import note_points_add
    from notes import limits

    consultation = _consultation(label)
    DiscussionQuestion.objects.create(page=consultation, number=1, text="Vad behövs?")
    group = breakout_group_create(consultation=consultation, name="Grupp 1")
    member = User.objects.create_user(email=f"bench-{label}@example.org", password=None)
    group_member_add(group=group, person=member)
    note_taking_open(consultation=consultation)
    text = "x" * limits.MAX_POINT_CHARS
    for start in range(0, points, 50):  # one update per 50 points, as a long meeting's snapshot would be
        note_points_add(group=group, points=[(1, text, False)] * min(50, points - start))
    return group.pk, settings.SESSION_COOKIE_NAME, _session(member)


def measure(url: str, group_id: int, cookie_name: str, session: str, runs: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    loads, lives = [], []
    with sync_playwright() as playwright:
        for _ in range(runs):
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            context = browser.new_context()
            context.add_cookies([{"name": cookie_name, "value": session, "url": url}])
            page = context.new_page()
            started = time.perf_counter()
            page.goto(f"{url}/grupper/{group_id}/", wait_until="load", timeout=120_000)
            loads.append(time.perf_counter() - started)
            page.wait_for_selector("#notes.notes--live textarea", timeout=120_000)
            lives.append(time.perf_counter() - started)
            browser.close()
    return {"load_s": statistics.median(loads), "live_s": statistics.median(lives)}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--points", default="1,25,100", help="cases: points of the largest size per group")
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    _django()
    from notes import limits

    stamp = int(time.time())
    print(f"point: {limits.MAX_POINT_CHARS} characters; group: {limits.MAX_GROUP_CHARS} characters")
    for count in (int(number) for number in arguments.points.split(",")):
        group_id, cookie_name, session = prepare(f"sida-{stamp}-{count}", count)
        result = measure(arguments.url, group_id, cookie_name, session, arguments.runs)
        print(f"{count:>5} points ({count * limits.MAX_POINT_CHARS / 1e6:.2f} MB of text): "
              f"load {result['load_s']:.2f} s, live {result['live_s']:.2f} s")


if __name__ == "__main__":
    main()
