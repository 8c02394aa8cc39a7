"""Which of CI's two passes runs a test (docs/testing.md, "Two passes").

Every test runs once in CI. The second pass, on PostgreSQL and Redis as in production, takes the
tests whose outcome those can change: the live notes and every other socket (Redis carries them
between workers), the public cache, the database's locks and full-text search, the multiprocess
tests, the backup, the access matrix and hostile input (PostgreSQL refuses what SQLite stores: NUL
characters, text past a column's length), the minutes (ties in an ordering), the demo, the canaries,
and the journeys of each role and of the live rooms in Chromium. The first pass, on the embedded
default (SQLite and the in-memory layer, what `make run` serves), takes all the others: services,
views, forms, the rendering walks in Chromium (accessibility, keyboard, XSS). `make test` without
`--ci-pass` runs everything, as a developer would.
"""

from __future__ import annotations

from pathlib import Path

EMBEDDED, PRODUCTION = "embedded", "production"
PASSES = (EMBEDDED, PRODUCTION)

TESTS = Path(__file__).parent
PRODUCTION_STACK_FOLDERS = (
    "notes",
    "public_cache",
    "environment",
    "deploy",
    "outbox",
    "security",
    "minutes",
    "demo",
    "canary",
    "browser/journeys",
)
# Sockets other than the notes' (Redis carries their messages) and the live rooms and walks in Chromium.
PRODUCTION_STACK_MODULES = (
    "priorities/test_consumer.py",
    "panel_questions/test_socket.py",
    "browser/test_notes_editor.py",
    "browser/test_notes_live.py",
    "browser/test_priorities_journey.py",
    "browser/test_panel_questions_journey.py",
    "browser/test_co_creation_walk.py",
)
# Marks that say a test's subject is the production stack wherever the test lives.
PRODUCTION_STACK_MARKS = ("multiprocess", "search_index")


def on_production_stack(item) -> bool:
    if item.get_closest_marker("same_on_every_database"):
        return False
    if any(item.get_closest_marker(mark) for mark in PRODUCTION_STACK_MARKS):
        return True
    path = Path(item.fspath).resolve().relative_to(TESTS).as_posix()
    return path in PRODUCTION_STACK_MODULES or any(
        path.startswith(folder + "/") for folder in PRODUCTION_STACK_FOLDERS
    )


def in_pass(item, ci_pass: str) -> bool:
    return on_production_stack(item) == (ci_pass == PRODUCTION)
