"""The browser code's unit tests (frontend/test/*.test.mjs, Node's own test runner) as part of the suite.

Some import Yjs, so frontend/node_modules is needed (conftest.py installs it with `npm ci`).
"""

import subprocess
from pathlib import Path

from tests.frontend.conftest import FRONTEND


def run_node_tests(node: str, files: list[Path]) -> subprocess.CompletedProcess:
    # Files, not the directory: Node 21+ reads `node --test` arguments as globs, not directories.
    return subprocess.run(  # noqa: S603 - our own test files
        [node, "--test", *map(str, files)],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_frontend_unit_tests_pass(node, frontend_packages):
    files = sorted((FRONTEND / "test").glob("*.test.mjs"))
    assert len(files) >= 5, f"frontend/test/ holds too few *.test.mjs: {files}"
    result = run_node_tests(node, files)
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"
    assert "# fail 0" in result.stdout
    # Every test of every file ran: a file that fails to load counts as one test, not as its own.
    expected = sum(
        line.startswith("test(") for path in files for line in path.read_text(encoding="utf-8").splitlines()
    )
    assert f"# tests {expected}\n" in result.stdout, result.stdout[-400:]


def test_a_failing_unit_test_fails_the_run(node, frontend_packages, tmp_path):
    failing = tmp_path / "failing.test.mjs"
    failing.write_text(
        "import { test } from 'node:test'\nimport assert from 'node:assert'\n"
        "test('wrong', () => assert.strictEqual(1, 2))\n",
        encoding="utf-8",
    )
    passing = sorted((FRONTEND / "test").glob("*.test.mjs"))[:1]
    result = run_node_tests(node, [*passing, failing])
    assert result.returncode != 0
    assert "# fail 1" in result.stdout
