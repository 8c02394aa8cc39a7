"""When two organisation names are likely one organisation: one rule for the import's preview
(organisation_import/) and the vetting of join requests (join_requests/). Likely, not proven: staff
judge each pair."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

SIMILAR = 0.9  # difflib's ratio from which two names are offered as the same organisation


def normalise_name(name: str) -> str:
    """Case, forms of a character and punctuation set aside: "Föreningen  Bryggan!" → "föreningen bryggan"."""
    text = unicodedata.normalize("NFKC", name or "").casefold()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text)).strip()


def similarity(first: str, second: str) -> float:
    """difflib's ratio of two normalised names, 0.0 as soon as the cheap bounds say it is below SIMILAR."""
    matcher = SequenceMatcher(None, first, second, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()
