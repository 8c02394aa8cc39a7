"""Node and frontend/node_modules for the tests of the browser code.

Outside CI a missing `node` or `npm` skips these tests loudly; in CI (CI=true) it fails them, as
tests/browser/conftest.py does for Chromium: a check that did not run proves nothing.
"""

import fcntl
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser.chromium import in_ci

FRONTEND = Path(__file__).resolve().parents[2] / "frontend"
# npm ci writes this last, so its presence means a finished install.
INSTALLED = FRONTEND / "node_modules" / ".package-lock.json"


def missing(what: str) -> None:
    message = f"{what} not found (install Debian's `nodejs` and `npm`): the frontend checks did not run."
    if in_ci():
        pytest.fail(message + " In CI this is a failure.")
    pytest.skip(message)


@pytest.fixture(scope="session")
def node() -> str:
    path = shutil.which("node")
    if path is None:
        missing("Node.js")
    return path


@pytest.fixture(scope="session")
def frontend_packages(node: str) -> Path:
    """frontend/node_modules as package-lock.json says, installed with `npm ci` when missing."""
    # pytest-xdist workers share the folder: one installs, the others wait for it.
    with (Path(tempfile.gettempdir()) / "sakrad-npm-ci.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not INSTALLED.exists():
            npm = shutil.which("npm")
            if npm is None:
                missing("npm")
            result = subprocess.run(  # noqa: S603 - npm with fixed arguments
                [npm, "ci", "--no-audit", "--no-fund"],
                cwd=FRONTEND,
                capture_output=True,
                text=True,
                timeout=600,
                check=False,
            )
            assert result.returncode == 0, f"npm ci failed in frontend/:\n{result.stdout}\n{result.stderr}"
    return FRONTEND / "node_modules"
