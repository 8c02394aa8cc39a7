"""Where Debian's Chromium is, and whether a missing one is a failure (in CI) or a loud skip."""

import os
import shutil
from pathlib import Path

MISSING = "Chromium not found (install Debian's `chromium`): browser tests did not run."


def chromium_path() -> str | None:
    candidate = os.environ.get("SAKRAD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    return candidate if Path(candidate).exists() else None


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}
