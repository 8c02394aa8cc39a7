"""Every absolute URL the product writes starts with one configured base URL, WAGTAILADMIN_BASE_URL
(from the environment; docs/deployment.md): e-mails, the minutes PDF, calendar files, the feed, the
API, the sitemap and robots.txt.

Not Wagtail's Site record: its hostname and port route requests (any host falls back to the default
site) and only say "localhost" unless someone edits them by hand, while the address people reach the
site on is configuration like the database's. Nor the request's host: an e-mail or a file outlives
the request, a task has none, and a PDF cached from one host would carry it to everyone.
"""

from django.apps import apps
from django.conf import settings


def base_url() -> str:
    """The configured base URL without a trailing slash, e.g. "https://sakrad.example.org"."""
    return str(settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def absolute_url(path: str) -> str:
    """`path` (from reverse() or a page's path, starting with "/") on the configured base."""
    if not path.startswith("/"):
        raise ValueError(f"an absolute path is needed, not {path!r}")
    return base_url() + path


def pages_link_on_base_url() -> None:
    """Every page's full URL becomes its path on the configured base, in Page.get_url_parts: the one
    method Page.full_url, get_full_url() and Wagtail's own users of them (the sitemap, the API's
    html_url) go through. Relative URLs (page.url) do not change.

    Set on Page itself, once, at start-up (SakradConfig.ready), rather than on our page models: Wagtail
    hands out plain Page instances too (the API's listing, a Site's root page, a page's children).
    """
    # From the registry, not imported at the top: the settings import this module, before any model loads.
    Page = apps.get_model("wagtailcore", "Page")

    original = Page.get_url_parts
    if getattr(original, "on_base_url", False):
        return

    def get_url_parts(self, request=None):
        parts = original(self, request=request)
        if parts is None or parts[2] is None:
            return parts  # not routable: Wagtail's own answer
        site_id, _site_root_url, page_path = parts
        return site_id, base_url(), page_path

    get_url_parts.on_base_url = True
    Page.get_url_parts = get_url_parts
