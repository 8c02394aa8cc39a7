"""The browser code's unit tests (frontend/test/*.test.mjs, Node's own test runner) as part of the suite.

They test pure functions of frontend/src/lib/ and import nothing from node_modules, so only `node`
is needed, not `npm ci`. Outside CI a missing Node skips this loudly; in CI (CI=true) it fails, as
tests/browser/conftest.py does for Chromium: a test that did not run proves nothing.
"""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.chromium import in_ci

FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
MISSING = "Node.js not found (install Debian's `nodejs`): the frontend unit tests did not run."


def test_frontend_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        if in_ci():
            pytest.fail(MISSING + " In CI this is a failure.")
        pytest.skip(MISSING)
    # Files, not the directory: Node 21+ reads `node --test` arguments as globs, not directories.
    files = sorted(str(path) for path in (FRONTEND / "test").glob("*.test.mjs"))
    assert files, "frontend/test/ holds no *.test.mjs"
    result = subprocess.run(  # noqa: S603 - our own test files
        [node, "--test", *files], cwd=FRONTEND, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, f"node --test failed:\n{result.stdout}\n{result.stderr}"
