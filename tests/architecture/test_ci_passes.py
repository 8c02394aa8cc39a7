"""CI's passes (tests/ci_passes.py): a socket test lands on Redis, and each test in exactly one pass."""

import re
from pathlib import Path
from types import SimpleNamespace

from tests import ci_passes

SOCKET_CLIENTS = re.compile(r"WebsocketCommunicator|NotesClient|websockets\.connect")


def item(path: Path, *marks: str):
    """What ci_passes reads of a collected test: its file and its marks."""
    return SimpleNamespace(fspath=str(path), get_closest_marker=lambda name: name if name in marks else None)


def test_every_module_that_opens_a_socket_runs_on_redis():
    modules = [
        path
        for path in ci_passes.TESTS.rglob("test_*.py")
        if path != Path(__file__) and SOCKET_CLIENTS.search(path.read_text())
    ]
    assert modules, "no socket test found: is the pattern right?"
    embedded = [
        str(path.relative_to(ci_passes.TESTS))
        for path in modules
        if not ci_passes.on_production_stack(item(path))
    ]
    assert embedded == [], f"socket tests that CI would run on the in-memory layer only: {embedded}"


def test_each_test_runs_in_one_pass_and_marks_move_it():
    tests = ci_passes.TESTS
    for path, marks, production in [
        (tests / "notes" / "test_log.py", (), True),
        (tests / "invitations" / "test_services.py", (), False),
        (tests / "invitations" / "test_services.py", ("search_index",), True),
        (tests / "security" / "test_uploads.py", ("same_on_every_database",), False),
    ]:
        test = item(path, *marks)
        assert ci_passes.in_pass(test, ci_passes.PRODUCTION) is production, (path, marks)
        assert ci_passes.in_pass(test, ci_passes.EMBEDDED) is not production, (path, marks)
