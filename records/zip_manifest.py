"""The archive as a ZIP: the content files in a fixed order, then manifest.json (every file's path, size
and SHA-256) and manifest.sha256 (the same sums, and the manifest's own, for `sha256sum -c`)."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from dataclasses import dataclass

from django.utils import timezone

MANIFEST = "manifest.json"
CHECKSUMS = "manifest.sha256"


@dataclass(frozen=True)
class ArchiveFile:
    path: str
    content: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content).hexdigest()

    def entry(self) -> dict:
        return {"path": self.path, "size": len(self.content), "sha256": self.sha256}


def manifest_file(files: list[ArchiveFile], *, header: dict) -> ArchiveFile:
    data = {**header, "files": [file.entry() for file in files]}
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    return ArchiveFile(MANIFEST, text.encode("utf-8"))


def checksums_file(files: list[ArchiveFile]) -> ArchiveFile:
    # Two spaces: the format sha256sum writes and checks (text mode).
    lines = "".join(f"{file.sha256}  {file.path}\n" for file in files)
    return ArchiveFile(CHECKSUMS, lines.encode("utf-8"))


def zip_bytes(files: list[ArchiveFile], *, moment) -> bytes:
    """Members in the order given, each stamped with the moment of the export (local time)."""
    stamp = timezone.localtime(moment).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in files:
            info = zipfile.ZipInfo(file.path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, file.content)
    return buffer.getvalue()


def archive_zip(files: list[ArchiveFile], *, header: dict, moment) -> bytes:
    manifest = manifest_file(files, header=header)
    return zip_bytes([*files, manifest, checksums_file([*files, manifest])], moment=moment)
