"""Hocuspocus (bench/hocuspocus/: @hocuspocus/server with its SQLite extension, from the npm
registry) started for a benchmark on a fresh SQLite file, and stopped again whatever happens.

Also installs the Node packages of bench/hocuspocus/ and bench/peer/ from their lock files when
they are missing, so one command works on a fresh checkout.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .deployment import ROOT, raise_open_files_limit, refuse_busy_ports, say, stop, wait_until_ready

HOCUSPOCUS = ROOT / "bench" / "hocuspocus"
PEER = ROOT / "bench" / "peer"
LOG = Path(tempfile.gettempdir(), "sakrad-bench-hocuspocus.log")


def node() -> str:
    found = shutil.which("node")
    if found is None:
        raise SystemExit("the side-by-side benchmark needs Node.js 20 or later (apt-get install nodejs npm)")
    return found


def npm_installed(folder: Path) -> None:
    """node_modules from the committed package-lock.json (never committed itself)."""
    if (folder / "node_modules").is_dir():
        return
    say(f"installing {folder.relative_to(ROOT)}/node_modules from its package-lock.json")
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=folder, check=True)  # noqa: S603, S607


def version(folder: Path, package: str) -> str:
    """The installed version of an npm package, for the report."""
    manifest = folder / "node_modules" / package / "package.json"
    return subprocess.run([node(), "-p", f"require({str(manifest)!r}).version"],  # noqa: S603
                          capture_output=True, text=True).stdout.strip()


@contextmanager
def hocuspocus_serve(port: int) -> Iterator[int]:
    """Hocuspocus on 127.0.0.1:`port` until the block ends; yields its PID."""
    npm_installed(HOCUSPOCUS)
    refuse_busy_ports([port])
    raise_open_files_limit()
    with tempfile.TemporaryDirectory(prefix="sakrad-bench-hocuspocus-") as folder:
        database = Path(folder) / "documents.sqlite"
        log = open(LOG, "a")  # noqa: SIM115 - closed with the server
        process = subprocess.Popen(  # noqa: S603
            [node(), str(HOCUSPOCUS / "server.mjs"), "--port", str(port), "--database", str(database)],
            cwd=ROOT, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            say(f"hocuspocus: starting on port {port} (SQLite in {database})")
            wait_until_ready(f"http://127.0.0.1:{port}/", process, LOG, timeout=30)
            say(f"hocuspocus: ready, pid {process.pid}")
            yield process.pid
        finally:
            stop(process)
            log.close()
            say("hocuspocus: stopped")
