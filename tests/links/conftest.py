"""One configured base URL, another in the Site record and a third in the test client's Host: a link
built from anything but the configuration shows up as the wrong host."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import Site

BASE = "https://sakrad.test"
# Absolute URLs in any text: mail bodies, HTML, XML, iCalendar (folded lines are joined first).
URL = re.compile(r"""\b(?:https?|webcal)://[^\s"'<>\\]+""")
# What names a host other than ours: the Site's default, the test client's, a development server's.
FOREIGN_HOSTS = re.compile(r"localhost|testserver|127\.0\.0\.1|\[[\w.-]+:\d+\]")
# Namespaces and schemas XML formats must name: identifiers, never followed.
NAMESPACES = ("http://www.w3.org/", "http://www.sitemaps.org/")


def absolute_urls(text: str) -> list[str]:
    return [url.rstrip(".,;:)") for url in URL.findall(text) if not url.startswith(NAMESPACES)]


def not_on_base(text: str) -> list[str]:
    """Every absolute URL in `text` that does not start with the configured base, and every mention
    of another host."""
    wrong = [url for url in absolute_urls(text) if not url.startswith(BASE + "/") and url != BASE]
    return wrong + FOREIGN_HOSTS.findall(text)


@pytest.fixture
def base_url(settings):
    """The configured base is BASE; the Site record says "localhost" on port 80, as Wagtail makes it."""
    settings.WAGTAILADMIN_BASE_URL = BASE

    def site_on_localhost():
        Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
        cache.clear()  # Wagtail's site root paths

    return site_on_localhost
