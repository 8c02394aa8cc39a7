"""Which code and templates made a stored page: a deploy must not serve pages of the last release.

`SAKRAD_RELEASE` names it where the deployment knows (a git commit, a version); otherwise it is a
fingerprint of the project's own source, templates and translations, read once per process.
"""

import hashlib
import os
from functools import cache
from pathlib import Path

from django.conf import settings

SOURCE_SUFFIXES = {".py", ".html", ".txt", ".mo", ".css", ".svg"}
NOT_SOURCE = {".venv", "node_modules", "media", "staticfiles", "tests", "bench", "frontend"}


@cache
def release() -> str:
    named = os.environ.get("SAKRAD_RELEASE")
    return named or source_fingerprint(Path(settings.BASE_DIR))


def source_fingerprint(root: Path) -> str:
    digest = hashlib.sha256()
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name not in NOT_SOURCE | {".git"})
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in SOURCE_SUFFIXES:
                stat = path.stat()
                digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:16]
