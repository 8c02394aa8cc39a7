"""What the public downloads and machines read carries only the configured base URL: the minutes PDF,
the calendars, the feed, the API, the sitemap, robots.txt and the year page's calendar link. Each is
fetched through the test client (host "testserver") with the Site record on "localhost"."""

import io
import json

import pytest
from django.urls import reverse
from pypdf import PdfReader

from tests.utils import url_in

from .conftest import BASE, absolute_urls, not_on_base


@pytest.fixture
def site(world, base_url, uncached):
    base_url()
    return world


def _get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return b"".join(response).decode() if response.streaming else response.content.decode()


def _pdf_text_and_links(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    texts = [page.extract_text() for page in reader.pages]
    links = [
        str(annotation.get_object().get("/A", {}).get("/URI", ""))
        for page in reader.pages
        for annotation in page.get("/Annots", [])
    ]
    return "\n".join(texts + links)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_minutes_pdf(client, site, language):
    response = client.get(f"{url_in(site.minutes, language)}pdf/")
    assert response.status_code == 200
    text = _pdf_text_and_links(response.content)
    assert f"{BASE}{url_in(site.minutes, language)}" in text.replace("\n", "")
    assert not_on_base(text) == []


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_calendars(client, site, language):
    for url in (
        url_in_language("cycle:calendar", language),
        url_in_language("cycle:consultation_ics", language, site.other_consultation.pk),
    ):
        ics = _get(client, url).replace("\r\n ", "")  # iCalendar folds long lines
        assert f"URL:{BASE}/" in ics, url
        assert not_on_base(ics) == [], url


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_feed(client, site, language):
    feed = _get(client, url_in_language("feeds:minutes", language))
    assert f'href="{BASE}{url_in(site.minutes, language)}"' in feed
    assert not_on_base(feed) == []


def test_the_api(client, site):
    listing = _get(client, "/api/v2/pages/?limit=20")
    detail = _get(client, f"/api/v2/pages/{site.minutes.pk}/")
    assert json.loads(detail)["meta"]["html_url"] == f"{BASE}{site.minutes.url}"
    assert json.loads(listing)["items"][0]["meta"]["detail_url"].startswith(f"{BASE}/api/v2/pages/")
    assert not_on_base(listing + detail) == []


def test_the_sitemap_and_robots(client, site):
    sitemap = _get(client, "/sitemap.xml")
    robots = _get(client, "/robots.txt")
    assert f"<loc>{BASE}{site.minutes.url}</loc>" in sitemap
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    assert not_on_base(sitemap + robots) == []


def test_the_year_page_subscribes_to_the_calendar_on_the_base(client, site):
    page = _get(client, site.annual_cycle.url)
    assert f"webcal://{BASE.split('://')[1]}/kalender/sakrad.ics" in page
    assert [url for url in absolute_urls(page) if "sakrad.ics" in url and not url.startswith(
        (BASE, "webcal://" + BASE.split("://")[1])
    )] == []


def url_in_language(name: str, language: str, *args) -> str:
    from django.utils import translation

    with translation.override(language):
        return reverse(name, args=args)
