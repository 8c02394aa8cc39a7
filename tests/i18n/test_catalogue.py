"""Swedish is the interface language: every string of ours has a reviewed Swedish translation."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "locale" / "sv" / "LC_MESSAGES" / "django.po"
SKIP_DIRS = {".venv", ".git", "node_modules", "media", "staticfiles", "tests", "locale", "docs", "bench"}


def read_entries(path: Path) -> list[dict]:
    """A small .po reader: enough for msgid/msgid_plural/msgstr[n] and the fuzzy flag."""
    entries, entry, key = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, key = None, None
            continue
        entry = entry if entry is not None else {"flags": "", "msgid": "", "msgstr": {}}
        if line.startswith("#,"):
            entry["flags"] += line
        elif line.startswith("#"):
            continue
        elif line.startswith(("msgid ", "msgid_plural ", "msgctxt ")):
            key, _, value = line.partition(" ")
            entry[key] = value[1:-1]
        elif line.startswith("msgstr"):
            key, _, value = line.partition(" ")
            entry["msgstr"][key] = value[1:-1]
        elif line.startswith('"') and key:
            if key.startswith("msgstr"):
                entry["msgstr"][key] += line[1:-1]
            else:
                entry[key] += line[1:-1]
    return [e for e in entries if e["msgid"]]


def test_every_entry_is_translated_and_reviewed():
    entries = read_entries(CATALOGUE)
    assert len(entries) > 100
    untranslated = [e["msgid"] for e in entries if not all(e["msgstr"].values())]
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    assert untranslated == []
    assert fuzzy == []


def test_compiled_catalogue_is_up_to_date(tmp_path):
    msgfmt = shutil.which("msgfmt")
    if not msgfmt:
        if os.environ.get("CI"):
            pytest.fail("msgfmt (gettext) is missing in CI")
        pytest.skip("msgfmt (gettext) is not installed")
    compiled = tmp_path / "django.mo"
    subprocess.run([msgfmt, "-o", str(compiled), str(CATALOGUE)], check=True)  # noqa: S603 - our own file
    assert compiled.read_bytes() == CATALOGUE.with_suffix(".mo").read_bytes(), (
        "locale/sv/LC_MESSAGES/django.mo is stale: run `make messages`."
    )


def test_catalogue_holds_every_string_in_the_code(tmp_path):
    """Extract the strings afresh from a copy of the code: none may be missing from the catalogue."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI"):
            pytest.fail("xgettext (gettext) is missing in CI")
        pytest.skip("xgettext (gettext) is not installed")
    for item in ROOT.iterdir():
        if item.name in SKIP_DIRS or item.name.startswith("."):
            continue
        target = tmp_path / item.name
        if item.is_dir():
            shutil.copytree(item, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, target)
    (tmp_path / "locale" / "sv" / "LC_MESSAGES").mkdir(parents=True)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "sv", "--no-location"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "sakrad.settings.test"},
    )
    fresh = {e["msgid"] for e in read_entries(tmp_path / "locale/sv/LC_MESSAGES/django.po")}
    known = {e["msgid"] for e in read_entries(CATALOGUE)}
    assert sorted(fresh - known) == [], "Run `make messages` and translate the new strings."
