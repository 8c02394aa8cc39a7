"""Issue 19, backups that restore (docs/reliability.md): deploy/backup dumps the test database and
archives the uploaded files; deploy/restore puts both into a new database and an emptied MEDIA_ROOT.
Served from the restored database, the published minutes and the consultation are the same HTML, the
notes logs the same bytes, every table the same rows, the files the same bytes. A damaged backup, or a
target that holds data, is refused with exit code 2 and nothing touched."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connection
from PIL import Image as PILImage
from psycopg import sql
from pycrdt import Array, Doc, Map, Text
from wagtail.images import get_image_model

from notes.services import note_snapshot_compact, note_update_append

DEPLOY = Path(settings.BASE_DIR) / "deploy"
# The scripts' processes: the test settings, with the files on disk (tests/deploy/backup_settings.py).
SCRIPT_SETTINGS = "tests.deploy.backup_settings"
# Reads each path with Django's test client from the database of DATABASE_URL; one JSON line.
RENDER = """
import json, sys, django
django.setup()
from django.test import Client
client = Client()
answers = {}
for path in sys.argv[1:]:
    response = client.get(path)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    answers[path] = [response.status_code, body.decode(errors="backslashreplace")]
print(json.dumps(answers))
"""


def database_url(name: str) -> str:
    """DATABASE_URL with another database name: the same server, user and password."""
    return urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()


def script_environment(database: str, media: Path) -> dict[str, str]:
    environment = {
        **os.environ,
        "DATABASE_URL": database,
        "DJANGO_SETTINGS_MODULE": SCRIPT_SETTINGS,
        "SAKRAD_TEST_MEDIA_ROOT": str(media),
        "BACKUP_PYTHON": sys.executable,
    }
    # No shared cache: a page one process stored must not answer for the other database.
    environment.pop("REDIS_URL", None)
    return environment


def run(script: str, *args: str, database: str, media: Path, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our scripts
        [str(DEPLOY / script), *args],
        env={**script_environment(database, media), **extra}, capture_output=True, text=True, timeout=180,
    )


def renders(databases: list[str], media: Path, paths: list[str]) -> list[dict[str, list]]:
    """What each database serves at the paths, read by a fresh process of its own; side by side, since
    starting Django is most of the time."""
    processes = [
        subprocess.Popen(  # noqa: S603 - our interpreter, our code
            [sys.executable, "-c", RENDER, *paths], cwd=settings.BASE_DIR,
            env=script_environment(database, media), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True,
        )
        for database in databases
    ]
    try:
        answers = []
        for process in processes:
            out, err = process.communicate(timeout=180)
            assert process.returncode == 0, err
            answers.append(json.loads(out.splitlines()[-1]))
        return answers
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def files_under(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def rows(database: str, query: str) -> list[tuple]:
    with psycopg.connect(database) as conn:
        return conn.execute(query).fetchall()


def table_contents(database: str) -> dict[str, str]:
    """Every table of the database and a digest of all its rows."""
    with psycopg.connect(database) as conn:
        tables = [name for (name,) in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        )]
        digest = "SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) FROM {} t"
        return {
            table: conn.execute(sql.SQL(digest).format(sql.Identifier(table))).fetchone()[0]
            for table in tables
        }


@pytest.fixture
def scratch_database(django_db_setup):
    """A new, empty database of this test's own on the same server, dropped at the end whatever happens.
    (django_db_setup: named after the test database, and kept in CI's PostgreSQL pass.)"""
    name = f"{connection.settings_dict['NAME']}_restore_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield database_url(name)
    finally:
        with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def notes_typed(group_id: int, author_id: int) -> None:
    """Real Yjs updates, as a browser sends them: points typed, a snapshot folding the first ones
    (compaction), and more typed after it, so the log holds both kinds of row."""
    doc = Doc()
    points = doc.get("points", type=Array)

    def change(fn) -> None:
        before = doc.get_state()
        with doc.transaction():
            fn()
        note_update_append(group_id=group_id, update=doc.get_update(before), author_id=author_id)

    def point(point_id: str, text: str, takeaway: bool) -> Map:
        return Map({"id": point_id, "question": 1, "text": Text(text), "takeaway": takeaway})

    change(lambda: points.append(point("p0", "Fleråriga", takeaway=False)))
    change(lambda: points[0]["text"].insert(9, " bidrag"))
    assert note_snapshot_compact(group_id=group_id) == 2
    change(lambda: points.append(point("p1", "Mötesplatser", takeaway=True)))
    change(lambda: points[1]["text"].insert(0, "Fler "))


@pytest.fixture
def content(world):
    """The world's site (published consultation and minutes, documents on disk), with a picture
    uploaded, minutes with a body, and notes typed in the world's breakout group."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (16, 8), "teal").save(buffer, "PNG")
    get_image_model().objects.create(title="Logga", file=ImageFile(buffer, name="logga.png"))
    world.minutes.body = [("paragraph", "<p>Deltagarna vill ha fleråriga bidrag och fler mötesplatser.</p>")]
    world.minutes.save_revision().publish()
    notes_typed(world.breakout_group.pk, world.user("group_member").pk)
    return world


@pytest.mark.multiprocess  # deploy/backup and deploy/restore reach the test's PostgreSQL: tests/conftest.py
@pytest.mark.django_db(transaction=True)  # committed, so the scripts' processes see it
def test_a_backup_restores_into_a_new_database(content, scratch_database, tmp_path):
    media = Path(settings.MEDIA_ROOT)
    original = database_url(connection.settings_dict["NAME"])
    paths = [content.minutes.url, content.consultation.url, content.document.url, "/"]
    assert None not in paths, f"a page without a URL (Wagtail's site root paths, cached): {paths}"
    files = files_under(media)
    assert len(files) == 3, files  # the two documents and the picture

    folder = tmp_path / "backup"
    backed_up = run("backup", str(folder), database=original, media=media)
    assert backed_up.returncode == 0, backed_up.stderr
    assert backed_up.stdout.strip() == str(folder)
    assert sorted(path.name for path in folder.iterdir()) == [
        "SHA256SUMS", "backup.txt", "database.dump", "media.tar.gz",
    ]

    shutil.rmtree(media)  # the files are lost too
    # Where a new public-cache generation shows without Redis (public_cache/generation.py).
    generation = tmp_path / "cache-generation"
    restored = run(
        "restore", str(folder), database=scratch_database, media=media,
        SAKRAD_PUBLIC_CACHE_GENERATION_FILE=str(generation),
    )
    assert restored.returncode == 0, restored.stderr
    assert generation.exists(), "pages cached from before the restore must not be served"

    assert files_under(media) == files
    notes = "SELECT group_id, seq, data, author_id FROM notes_noteupdate ORDER BY group_id, seq"
    snapshots = "SELECT group_id, upto_seq, state FROM notes_notesnapshot ORDER BY group_id, upto_seq"
    assert len(rows(original, notes)) == 2 and len(rows(original, snapshots)) == 1
    assert rows(scratch_database, notes) == rows(original, notes)
    assert rows(scratch_database, snapshots) == rows(original, snapshots)
    minutes = "SELECT row_to_json(m)::text FROM minutes_minutespage m ORDER BY page_ptr_id"
    assert rows(scratch_database, minutes) == rows(original, minutes)
    everything = table_contents(original)
    assert table_contents(scratch_database) == everything

    # Over a database and files that are there already (the same server's, after a bad day): --force.
    (media / "written-since.txt").write_text("a file the backup does not have")
    again = run("restore", "--force", str(folder), database=scratch_database, media=media)
    assert again.returncode == 0, again.stderr
    assert files_under(media) == files
    [aside] = media.parent.glob("media.before-restore-*")
    assert files_under(aside) == {**files, "written-since.txt": b"a file the backup does not have"}
    assert table_contents(scratch_database) == everything

    # Served from each database by a process of its own: the same pages, the same document.
    pages, restored_pages = renders([original, scratch_database], media, paths)
    assert [pages[path][0] for path in paths] == [200] * len(paths)
    assert "fleråriga bidrag och fler mötesplatser" in pages[content.minutes.url][1]
    assert restored_pages == pages


def fake_backup(folder: Path) -> Path:
    """A folder shaped as deploy/backup writes it, with a manifest that matches: the refusals come
    before pg_restore ever reads the dump."""
    folder.mkdir()
    for name in ("database.dump", "media.tar.gz", "backup.txt"):
        (folder / name).write_bytes(f"not really {name}\n".encode())
    manifest = "".join(
        f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()}  {name}\n"
        for name in ("database.dump", "media.tar.gz", "backup.txt")
    )
    (folder / "SHA256SUMS").write_text(manifest)
    return folder


def damage_a_file(folder: Path) -> None:
    (folder / "media.tar.gz").write_bytes(b"not really media.tar.gz!\n")


def lose_the_manifest(folder: Path) -> None:
    (folder / "SHA256SUMS").unlink()


def lose_a_file(folder: Path) -> None:
    (folder / "database.dump").unlink()


def list_another_file(folder: Path) -> None:
    with (folder / "SHA256SUMS").open("a") as manifest:
        manifest.write(f"{'0' * 64}  ../../etc/passwd\n")


def holding_a_table(database: str) -> None:
    with psycopg.connect(database) as conn:
        conn.execute("CREATE TABLE canary (what text); INSERT INTO canary VALUES ('still here')")


@pytest.mark.multiprocess
@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (damage_a_file, "does not match its manifest"),
        (lose_the_manifest, "SHA256SUMS is missing"),
        (lose_a_file, "does not match its manifest"),
        (list_another_file, "must list exactly database.dump media.tar.gz backup.txt"),
    ],
)
def test_a_damaged_backup_is_refused_with_nothing_touched(damage, message, scratch_database, tmp_path):
    folder = fake_backup(tmp_path / "backup")
    damage(folder)
    holding_a_table(scratch_database)
    media = tmp_path / "media"
    media.mkdir()
    (media / "kept.txt").write_text("kept")

    # --force: even told to replace what is there, a damaged backup replaces nothing.
    result = run("restore", "--force", str(folder), database=scratch_database, media=media)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "nothing was changed" in result.stderr
    assert rows(scratch_database, "SELECT what FROM canary") == [("still here",)]
    assert files_under(media) == {"kept.txt": b"kept"}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["backup", "media"]  # nothing unpacked


@pytest.mark.multiprocess
def test_restore_refuses_a_database_that_holds_tables(scratch_database, tmp_path):
    holding_a_table(scratch_database)
    folder = fake_backup(tmp_path / "backup")
    result = run("restore", str(folder), database=scratch_database, media=tmp_path / "media")
    assert result.returncode == 2, result.stderr
    assert "the database holds 1 tables, sequences or views already; --force replaces them" in result.stderr
    assert rows(scratch_database, "SELECT what FROM canary") == [("still here",)]


@pytest.mark.multiprocess
def test_restore_refuses_a_media_root_that_holds_files(scratch_database, tmp_path):
    media = tmp_path / "media"
    media.mkdir()
    (media / "kept.txt").write_text("kept")
    result = run("restore", str(fake_backup(tmp_path / "backup")), database=scratch_database, media=media)
    assert result.returncode == 2, result.stderr
    assert f"{media} holds files already; --force moves them aside" in result.stderr
    assert files_under(media) == {"kept.txt": b"kept"}
    assert rows(scratch_database, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") == [(0,)]


# Without a database: the scripts refuse before they reach for one.
NOWHERE = "postgres://nobody@127.0.0.1:1/none"


def bare_run(script: str, *args: str, **environment: str) -> subprocess.CompletedProcess:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "BACKUP_PYTHON": "/nonexistent/python"}
    return subprocess.run(  # noqa: S603 - our scripts
        [str(DEPLOY / script), *args],
        env={**base, **environment}, capture_output=True, text=True, timeout=30,
    )


@pytest.mark.parametrize("script", ["backup", "restore"])
def test_a_missing_database_url_is_named(script, tmp_path):
    result = bare_run(script, str(tmp_path / "backup"))
    assert result.returncode == 2
    assert "set DATABASE_URL first" in result.stderr


def test_restore_needs_a_folder():
    result = bare_run("restore", DATABASE_URL=NOWHERE)
    assert result.returncode == 2
    assert "usage: deploy/restore [--force] FOLDER" in result.stderr


def test_a_backup_is_never_written_over_another(tmp_path):
    (tmp_path / "SHA256SUMS").write_text("an earlier backup")
    result = bare_run("backup", str(tmp_path), DATABASE_URL=NOWHERE)
    assert result.returncode == 2
    assert "is not an empty folder" in result.stderr
    assert (tmp_path / "SHA256SUMS").read_text() == "an earlier backup"
