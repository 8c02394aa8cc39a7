"""The public reads (search, feed, API, PDF) never reveal a draft, a page in moderation, a newer
unpublished revision or a private page: every such text carries a canary (tests/canary/content.py)."""

from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from minutes import pdf as minutes_pdf
from minutes.models import MinutesPage
from tests.canary import content
from tests.canary.test_private_content_never_public import search_terms

pytestmark = pytest.mark.django_db


@pytest.fixture
def canaries() -> content.Canaries:
    built = content.build()
    call_command("update_index", verbosity=0)  # the index as the rows are, drafts' saves included
    return built


def _leaks(body: str, canaries: content.Canaries) -> list[str]:
    return [what for secret, what in canaries.secrets.items() if secret in body]


def test_search_never_reveals_canaries(canaries):
    client = Client()
    url = reverse("search")
    for term in search_terms(canaries):
        response = client.get(url, {"q": term})
        assert response.status_code == 200
        assert not _leaks(response.content.decode(), canaries), term
    # The public marker is found: the search does work.
    response = client.get(url, {"q": canaries.public_marker})
    assert canaries.public_urls["minutes"] in response.content.decode()


def test_search_for_a_private_word_finds_nothing(canaries):
    client = Client()
    for secret, what in canaries.secrets.items():
        term = secret.removeprefix(content.CANARY_PREFIX + "-")
        response = client.get(reverse("search"), {"q": term})
        assert not response.context["results"], f"searching for {what} found pages"


def test_feed_never_reveals_canaries(canaries):
    response = Client().get(reverse("feeds:minutes"))
    assert response.status_code == 200
    body = response.content.decode()
    assert canaries.public_marker in body
    assert not _leaks(body, canaries)


def test_api_never_reveals_canaries(canaries):
    client = Client()
    bodies = [
        client.get("/api/v2/pages/", {"limit": 20, "offset": offset}).content.decode() for offset in (0, 20)
    ]
    bodies.append(client.get("/api/v2/pages/", {"search": content.CANARY_PREFIX}).content.decode())
    for page in MinutesPage.objects.all():
        bodies.append(client.get(f"/api/v2/pages/{page.pk}/", {"fields": "*"}).content.decode())
    for page in canaries.unpublished.values():
        response = client.get(f"/api/v2/pages/{page.pk}/")
        if page.live and not page.get_view_restrictions().exists():
            continue  # a live page with a newer draft: its live version is public
        assert response.status_code == 404, page
    for body in bodies:
        assert not _leaks(body, canaries)


def test_pdf_never_reveals_canaries(canaries):
    client = Client()
    rendered = []

    def fake(html, base_url):
        rendered.append(html)
        return b"%PDF-1.7 fake"

    with mock.patch.object(minutes_pdf, "render_pdf", side_effect=fake):
        for page in MinutesPage.objects.all():
            response = client.get(f"{page.url}pdf/")
            public = (
                page.live
                and not page.get_view_restrictions().exists()
                and not any(ancestor.get_view_restrictions().exists() for ancestor in page.get_ancestors())
            )
            if public:
                assert response.status_code == 200, page
            else:
                assert response.status_code in (302, 404), (page, response.status_code)
                assert response.get("Content-Type") != "application/pdf"
    assert rendered, "the public minutes' PDF was made"
    for html in rendered:
        assert not _leaks(html, canaries)
