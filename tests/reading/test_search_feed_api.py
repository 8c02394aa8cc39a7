"""Search, the Atom feed and the open-data API: public pages in, drafts and private pages never."""

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.factories import ConsultationPageFactory, MinutesPageFactory, ThemeFactory
from tests.reading.conftest import build_minutes
from tests.utils import html, text_of

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def _titles(response) -> list[str]:
    return [text_of(node) for node in html(response).select(".search-result .card__title")]


@pytest.fixture
def hidden(index, held, now):
    """A draft and a private minutes page, both saying the word the published one says."""
    draft_home = ConsultationPageFactory(parent=index, title="Sakråd med utkast", date=held.date)
    draft = MinutesPageFactory(parent=draft_home, title="Utkastet", summary="fritidsgårdar", publish=False)
    private_home = ConsultationPageFactory(parent=index, title="Internt sakråd", date=held.date)
    private = MinutesPageFactory(parent=private_home, title="Det privata", summary="fritidsgårdar")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    return draft, private


def test_search_finds_published_minutes_by_a_word_from_a_point(client, minutes, hidden, reindex):
    reindex()
    response = client.get(reverse("search"), {"q": "fritidsgårdar"})
    assert _titles(response) == [minutes.title]
    result = html(response).select_one(".search-result")
    assert "fritidsgårdar" in text_of(result.select_one(".search-result__snippet"))
    assert "Utkastet" not in response.content.decode()
    assert "Det privata" not in response.content.decode()


@pytest.mark.parametrize(
    "term",
    ["Ku2026-01234", "18-25", "SYNLIG-123456789012", "SYNLIG-12e456789abc", "e-tjänsten"],
)
def test_search_finds_a_word_joined_by_hyphens(client, held, term, reindex):
    """Registry numbers, age ranges and markers are single words in PostgreSQL's index: a search
    split into separate terms never matched them there (a random marker made this flaky)."""
    found = MinutesPageFactory(parent=held, title="Anteckningarna", summary=f"Gäller {term} i år.")
    MinutesPageFactory(parent=held, title="Andra anteckningar", summary="Gäller något annat i år.")
    reindex()
    assert _titles(client.get(reverse("search"), {"q": term})) == [found.title]
    assert _titles(client.get(reverse("search"), {"q": f"{term} Anteckningarna"}))[0] == found.title
    api = client.get("/api/v2/pages/", {"search": term, "type": "minutes.MinutesPage"}).json()
    assert [item["id"] for item in api["items"]] == [found.pk]


def test_search_filters_by_theme_and_year(client, index, minutes, held, theme, now, reindex):
    other_theme = ThemeFactory(name="Äldre")
    older = ConsultationPageFactory(
        parent=index,
        title="Sakråd om äldre",
        date=now.date().replace(year=2023),
        themes=[other_theme],
        introduction="Samtal om fritidsgårdar för äldre.",
    )
    reindex()
    url = reverse("search")
    assert set(_titles(client.get(url, {"q": "fritidsgårdar"}))) == {minutes.title, older.title}
    by_theme = _titles(client.get(url, {"q": "fritidsgårdar", "theme": theme.slug}))
    assert by_theme == [minutes.title]
    assert _titles(client.get(url, {"q": "fritidsgårdar", "year": 2023})) == [older.title]
    # Filters alone list what they allow.
    assert set(_titles(client.get(url, {"theme": theme.slug}))) == {held.title, minutes.title}
    # A bad value is a form error, not a 500.
    response = client.get(url, {"q": "x", "year": "nonsense"})
    assert response.status_code == 200 and html(response).select_one(".error-summary")


def test_search_paginates(client, index, now, reindex):
    for n in range(12):
        ConsultationPageFactory(parent=index, title=f"Sakråd nummer {n}", introduction="Om kulturarv.")
    reindex()
    first = client.get(reverse("search"), {"q": "kulturarv"})
    second = client.get(reverse("search"), {"q": "kulturarv", "page": 2})
    assert len(_titles(first)) == 10 and len(_titles(second)) == 2
    assert not set(_titles(first)) & set(_titles(second))


def test_search_form_is_a_search_landmark_with_a_search_box(client, minutes):
    """Screen readers list it among the landmarks; phones show a search key."""
    response = client.get(reverse("search"), {"q": "fritidsgårdar"})
    form = html(response).select_one('form[role="search"]')
    words = form.select_one('input[name="q"]')
    assert words.get("value") == "fritidsgårdar"
    # A browser takes the first of two type attributes; the parser here would take the last.
    [tag] = re.findall(r'<input[^>]*name="q"[^>]*>', response.content.decode())
    assert re.findall(r'\btype="([^"]*)"', tag) == ["search"]
    assert text_of(form.select_one('button[type="submit"]')) == "Sök"
    assert form.select_one(f'a.filter__clear[href="{reverse("search")}"]')


def test_search_is_linked_from_the_header(client, minutes):
    document = html(client.get(minutes.url))
    assert document.select_one(f'.main-nav a[href="{reverse("search")}"]')


def test_feed_is_atom_with_minutes_and_follow_ups(client, minutes, hidden):
    document = html(client.get(minutes.url))
    alternate = document.select_one('head link[rel="alternate"][type="application/atom+xml"]')
    assert alternate["href"] == reverse("feeds:minutes") == "/protokoll/feed/"

    response = client.get("/protokoll/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314  (our own response)
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    links = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert minutes.title in titles
    assert f"http://testserver{minutes.url}" in links
    for follow_up in minutes.follow_ups.all():
        assert f"http://testserver{minutes.url}#uppfoljning-{follow_up.pk}" in links
    assert len(entries) == 1 + 3
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True), "newest first"
    body = response.content.decode()
    assert "Utkastet" not in body and "Det privata" not in body


def test_api_lists_live_public_pages_only(client, minutes, hidden):
    draft, private = hidden
    response = client.get("/api/v2/pages/", {"limit": 20})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    ids = {item["id"] for item in response.json()["items"]}
    assert minutes.pk in ids
    assert draft.pk not in ids and private.pk not in ids
    assert client.get(f"/api/v2/pages/{minutes.pk}/").status_code == 200
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404
    typed = client.get("/api/v2/pages/", {"type": "minutes.MinutesPage"}).json()
    assert [item["title"] for item in typed["items"]] == [minutes.title]


def test_feed_and_api_grow_without_drafts(client, index, now, hidden):
    consultation = ConsultationPageFactory(parent=index, date=now.date() - dt.timedelta(days=5))
    build_minutes(consultation, size=2, title="Nyare anteckningar")
    feed = ET.fromstring(client.get("/protokoll/feed/").content)  # noqa: S314  (our own response)
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]
    assert "Nyare anteckningar" in titles


def test_api_gives_the_minutes_as_open_data(client, minutes):
    """The record as published: organisations by name, takeaways and follow-ups, nobody's email."""
    data = client.get(f"/api/v2/pages/{minutes.pk}/").json()
    assert data["organiser"] == minutes.organiser
    assert data["held_on"] == minutes.held_on.isoformat()
    assert data["participating_organisation_names"] == sorted(
        organisation.name for organisation in minutes.participating_organisations.all()
    )
    assert [takeaway["text"] for takeaway in data["takeaways"]] == [
        takeaway.text for takeaway in minutes.takeaways.all()
    ]
    assert {follow_up["date"] for follow_up in data["follow_ups"]} == {
        follow_up.date.isoformat() for follow_up in minutes.follow_ups.all()
    }
    assert any(block["type"] == "question_record" for block in data["body"])
    assert "@" not in str(data)
