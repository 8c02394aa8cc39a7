"""The committed bundles (static/js/*.bundle.js) are what frontend/build.mjs makes of the committed
source, byte for byte: an edit of frontend/src/ without `npm run build`, or a bundle edited by hand,
fails here."""

import subprocess
from pathlib import Path

from tests.frontend.conftest import FRONTEND

BUNDLES = FRONTEND.parent / "static" / "js"


def test_rebuilding_gives_the_committed_bundles(node, frontend_packages, tmp_path):
    result = subprocess.run(  # noqa: S603 - our own build script
        [node, "build.mjs", str(tmp_path)],
        cwd=FRONTEND,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, f"frontend/build.mjs failed:\n{result.stdout}\n{result.stderr}"
    built = {path.name: path for path in tmp_path.glob("*.bundle.js")}
    committed = {path.name: path for path in BUNDLES.glob("*.bundle.js")}
    assert built, "frontend/build.mjs wrote no bundle"
    assert sorted(built) == sorted(committed), "static/js/ and frontend/src/ have different pages"
    stale = [name for name in sorted(built) if built[name].read_bytes() != committed[name].read_bytes()]
    assert not stale, (
        f"static/js/{', '.join(stale)} differ from a fresh build of frontend/src/: run "
        "`npm ci && npm run build` in frontend/ and commit the bundles."
    )


def test_bundles_are_built_from_every_page_script():
    pages = sorted(path.stem for path in (FRONTEND / "src").glob("*.js"))
    assert sorted(path.name.removesuffix(".bundle.js") for path in BUNDLES.glob("*.bundle.js")) == pages
    assert Path(BUNDLES / "notes.bundle.js").read_bytes().startswith(b"/*! Sakr")
