"""Nothing private reaches an anonymous visitor: drafts, pages in moderation, newer unpublished
revisions, login-only pages, personal data (users, attendees, contact emails) and invitation answers.

Each carries a unique canary (tests/canary/content.py); an anonymous crawl from the public entry
points follows every same-site link and no response may contain any canary.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from consultations.models import ConsultationPage
from invitations.models import InvitationStatus
from tests.canary import content
from tests.canary.crawler import Crawl, links_in, same_site_path

Entry = str | Callable[[content.Canaries], Iterable[str]]


def search_terms(canaries: content.Canaries) -> list[str]:
    """What to search for: the shared prefix, and each canary's own part without it.

    Never a whole canary: a results page that echoes the query would look like a leak. A real leak
    shows the whole "KANARIE-..." string, which no query contains.
    """
    return [content.CANARY_PREFIX] + [
        secret.removeprefix(content.CANARY_PREFIX + "-") for secret in canaries.secrets
    ]


def named(pattern: str, query: str = "", **kwargs) -> Callable[[content.Canaries], list[str]]:
    """The URL of a named pattern, skipped while it does not exist; "{term}" in query: once per term."""

    def paths(canaries: content.Canaries) -> list[str]:
        try:
            url = reverse(pattern, kwargs=kwargs or None)
        except NoReverseMatch:
            return []
        if "{term}" not in query:
            return [url + query]
        return [url + query.format(term=quote(term)) for term in search_terms(canaries)]

    return paths


# Where the crawl starts besides "/" and "/en/" (links found on the way are followed anyway).
# ADD HERE every new way in that links may not reach: the search page, feeds (RSS/Atom/iCal), the
# API, JSON endpoints, exports. A named pattern is skipped while it does not exist; "{term}" in a
# query is replaced by each search term in turn (a search for a private word must find nothing).
EXTRA_ENTRY_POINTS: list[Entry] = [
    "/sitemap.xml",
    "/en/sitemap.xml",
    "/robots.txt",
    # search, under the names it is likely to get
    named("search", "?q={term}"),
    named("search:search", "?q={term}"),
    named("search:index", "?q={term}"),
    lambda c: [f"{c.public_urls['index']}?q={content.CANARY_PREFIX}"],  # the list has no search (yet)
    # feeds and calendar exports
    named("feeds:consultations"),
    named("feeds:minutes"),
    named("outcomes:feed"),
    named("outcomes:index", "?status=open"),
    named("consultations:feed"),
    named("minutes:feed"),
    named("consultations:ics"),
    # Wagtail's API, if it is ever switched on
    "/api/v2/pages/",
    f"/api/v2/pages/?search={content.CANARY_PREFIX}",
    lambda c: [f"/api/v2/pages/{page.pk}/" for page in c.unpublished.values()],
    # the private and unpublished pages' own addresses, in both languages
    lambda c: list(c.private_urls.values()),
    lambda c: [f"/en{url}" for url in c.private_urls.values()],
    # their easy-to-read versions (issue 21), where a draft may hold one
    lambda c: [f"{page.url}lattlast/" for page in c.unpublished.values() if page.url],
    # Wagtail's draft views, tried by someone without an account
    lambda c: [f"/admin/pages/{page.pk}/view_draft/" for page in c.unpublished.values()],
    lambda c: [f"/admin/pages/{page.pk}/preview/" for page in c.unpublished.values()],
    lambda c: [
        f"/admin/pages/{page.pk}/revisions/{page.latest_revision_id}/view/"
        for page in c.unpublished.values()
        if page.latest_revision_id
    ],
]

CRAWL_LIMIT = 500

# The crawl searches too: with the index empty, a search could leak nothing and prove nothing.
pytestmark = [pytest.mark.django_db, pytest.mark.search_index]


@pytest.fixture
def canaries() -> content.Canaries:
    return content.build()


def _start(canaries: content.Canaries) -> list[str]:
    paths = ["/", "/en/"]
    for entry in EXTRA_ENTRY_POINTS:
        paths += [entry] if isinstance(entry, str) else list(entry(canaries))
    return paths


def _status_words() -> dict[str, str]:
    """An invitation's answer is not public: the labels of the private statuses, in both languages."""
    words = {}
    for language in ("sv", "en"):
        with translation.override(language):
            for status in (InvitationStatus.DECLINED, InvitationStatus.WAITLISTED):
                words[str(status.label)] = f"the invitation status {status.value!r} ({language})"
    return words


def test_anonymous_crawl_finds_no_private_content(canaries):
    crawl = Crawl(Client(), limit=CRAWL_LIMIT).run(_start(canaries))
    assert not crawl.truncated, (
        f"the crawl stopped at {CRAWL_LIMIT} URLs: raise CRAWL_LIMIT, it saw too little"
    )

    # The crawl must really have walked the public site, or finding nothing proves nothing.
    reached = crawl.ok_paths()
    missing = {what: url for what, url in canaries.public_urls.items() if url not in reached}
    assert not missing, f"the crawl did not reach public pages: {missing}; it visited {sorted(crawl.visits)}"
    assert len(reached) >= len(canaries.public_urls) + 2
    assert crawl.leaks({canaries.public_marker: "the public marker"}), "the public marker was never seen"

    leaks = crawl.leaks(canaries.secrets) + crawl.leaks(_status_words())
    assert not leaks, "private content reached an anonymous visitor:\n" + "\n".join(sorted(leaks))


def test_private_pages_do_not_answer_anonymous_visitors(canaries):
    client = Client()
    login = reverse("account_login")
    for what, url in canaries.private_urls.items():
        response = client.get(url)
        assert response.status_code in (302, 404), f"{what} at {url} answered {response.status_code}"
        if response.status_code == 302:
            final = client.get(url, follow=True)
            assert final.request["PATH_INFO"] == login, f"{what} led to {final.redirect_chain}, not the login"


def test_sitemap_lists_public_pages_only(canaries):
    response = Client().get("/sitemap.xml")
    assert response.status_code == 200
    listed = {same_site_path(loc, "http://testserver/") for loc in links_in(response.content.decode())}
    missing = {what: url for what, url in canaries.public_urls.items() if url not in listed}
    assert not missing, f"public pages missing from the sitemap: {missing}"
    private = {what: url for what, url in canaries.private_urls.items() if url in listed}
    assert not private, f"private or unpublished pages in the sitemap: {private}"


def test_the_crawler_does_find_a_leak(canaries):
    """The detector itself: a canary put on a public page is reported."""
    secret = canaries.new("a canary deliberately made public")
    page = ConsultationPage.objects.get(url_path__endswith="/lokalt-arbete/")
    page.introduction = secret
    page.save_revision().publish()
    crawl = Crawl(Client(), limit=CRAWL_LIMIT).run(["/"])
    leaks = crawl.leaks(canaries.secrets)
    assert any("a canary deliberately made public" in leak for leak in leaks), leaks
