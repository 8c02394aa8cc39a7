"""Screenshots of each step of a journey, at desktop and at phone width, for people to review.

    album = Album("organiser")            # test-results/journeys/organiser/
    album.take(tab, "groups-dealt")       # 01-groups-dealt-desktop.png, 01-groups-dealt-phone.png

The run keeps them under `test-results/` (ignored by git; CI can keep the folder as an artefact).
A step is taken at both widths: the tab is resized to a phone and back, so what follows runs at
the width the test chose.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3] / "test-results" / "journeys"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


class Album:
    def __init__(self, role: str):
        self.folder = ROOT / role
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.png"):
            old.unlink()
        self.count = 0

    def take(self, tab, step: str) -> list[Path]:
        """Both widths of the tab as it stands; returns the files written."""
        self.count += 1
        name = f"{self.count:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower()).strip('-')}"
        before = tab.viewport_size or DESKTOP
        files = []
        for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
            tab.set_viewport_size(size)
            path = self.folder / f"{name}-{label}.png"
            tab.screenshot(path=str(path), full_page=True)
            files.append(path)
        tab.set_viewport_size(before)
        return files
