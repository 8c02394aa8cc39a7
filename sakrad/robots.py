"""/robots.txt: where search engines may crawl, and where the sitemap is.

Published pages, feeds, calendars and the open-data API are for everyone to find. Kept out: the
admin, logins and accounts, invitation links (a token in the path), breakout groups, review and
working-group pages (behind a login: nothing to index but a login form), and search results (an
endless space of queries that repeats what the sitemap lists). A courtesy to crawlers, not access
control: each of these answers a crawler as it answers anyone.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from public_cache.views import public_cache

from .links import absolute_url

# One URL in each private area: the area is its first path segment, in every language.
PRIVATE_AREAS = [
    ("account_login", ()),
    ("login_or_refuse", ()),
    ("privacy:export", ()),
    ("accounts:my_page", ()),
    ("invitations:rsvp", ("token",)),
    ("breakouts:group", (1,)),
    ("working_groups:draft", (1,)),
    ("corrections:review", (1,)),
    ("search", ()),
]
NOT_LOCALISED = ["/admin/", "/django-admin/"]


def area(path: str) -> str:
    """'/en/accounts/login/' -> '/en/accounts/', '/osa/abc/' -> '/osa/'."""
    parts = path.strip("/").split("/")
    languages = {code for code, _name in settings.LANGUAGES}
    return "/" + "/".join(parts[: 2 if parts[0] in languages else 1]) + "/"


def disallowed_paths() -> list[str]:
    paths = list(NOT_LOCALISED)
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths += [area(reverse(name, args=args)) for name, args in PRIVATE_AREAS]
    return list(dict.fromkeys(paths))


@require_safe
@public_cache
def robots_txt(request):
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed_paths())]
    lines += ["", f"Sitemap: {absolute_url(reverse('sitemap'))}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
