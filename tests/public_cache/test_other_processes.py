"""The embedded default caches in each process's memory; a write made in another process (cron's
`publish_scheduled`, a shell) must still reach the server's readers at once."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils.http import parse_http_date

from tests.public_cache.test_front import Django, through_front
from tests.public_cache.test_serving import url_of

BUMP_IN_ANOTHER_PROCESS = (
    "import django; django.setup(); "
    "from public_cache.generation import generation_bump; generation_bump()"
)


@pytest.fixture
def generation_file(settings, tmp_path) -> Path:
    settings.SAKRAD_PUBLIC_CACHE_GENERATION_FILE = str(tmp_path / "db.sqlite3.cache-generation")
    return Path(settings.SAKRAD_PUBLIC_CACHE_GENERATION_FILE)


def write_in_another_process(generation_file: Path) -> str:
    """What any write in another process does to the cache: a real interpreter, its own memory."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "sakrad.settings.test",
        "SAKRAD_PUBLIC_CACHE_GENERATION_FILE": str(generation_file),
    }
    command = [sys.executable, "-c", BUMP_IN_ANOTHER_PROCESS]
    subprocess.run(command, check=True, env=environment, cwd=django_settings.BASE_DIR, timeout=60)  # noqa: S603
    return generation_file.read_text()


def test_a_write_in_another_process_makes_the_stored_page_stale(
    public_site, generation_file, django_assert_num_queries, django_assert_max_num_queries
):
    url = url_of(public_site.minutes)
    first = Client().get(url)
    with django_assert_num_queries(0):
        assert Client().get(url).content == first.content

    token = write_in_another_process(generation_file)

    with django_assert_max_num_queries(100) as rendered:
        fresh = Client().get(url)
    assert len(rendered.captured_queries) > 0, "the stale page was served from memory"
    assert parse_http_date(fresh["Last-Modified"]) >= int(int(token, 16) / 1e9), "rendered after the write"
    with django_assert_num_queries(0):
        assert Client().get(url)["Last-Modified"] == fresh["Last-Modified"]


def test_the_asgi_front_passes_a_stale_page_on_to_django(public_site, generation_file):
    behind, url = Django(), url_of(public_site.minutes)
    Client().get(url, headers={"Host": "testserver"})
    assert through_front(behind, url, host="testserver")["status"] == 200 and behind.requests == 0

    write_in_another_process(generation_file)

    assert through_front(behind, url, host="testserver")["status"] == 599
    assert behind.requests == 1


def test_an_unreadable_generation_file_changes_nothing(public_site, generation_file,
                                                        django_assert_num_queries):
    url = url_of(public_site.minutes)
    Client().get(url)
    generation_file.write_text("half a tok")
    with django_assert_num_queries(0):
        assert Client().get(url).status_code == 200
