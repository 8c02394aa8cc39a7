"""The public list of consultations: filters, order, pagination, bad input, drafts."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import translation

from consultations.models import ConsultationIndexPage, ConsultationPage
from consultations.status import ConsultationStatus
from tests.factories import ConsultationPageFactory, MinutesPageFactory, ThemeFactory
from tests.utils import (
    card_titles,
    h1,
    html,
    section,
    text_of,
    translated,
    url_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def themes(db):
    return {
        "youth": ThemeFactory(name="Unga och integration"),
        "local": ThemeFactory(name="Lokalt förebyggande arbete"),
    }


@pytest.fixture
def catalogue(index, themes, now):
    """Consultations over two years, themes and statuses, created out of date order."""
    today = now.date()
    rows = [
        ("Sakråd om unga i föreningslivet", dt.date(2024, 6, 4), ["youth"], True),
        ("Sakråd om kommunernas lägesbilder", dt.date(2024, 11, 20), ["local"], False),
        ("Nationell konferens om samverkan", dt.date(2024, 5, 14), ["youth", "local"], True),
        ("Sakråd om skolans roll", today - dt.timedelta(days=20), ["youth"], False),
        ("Sakråd om fritidsgårdar", today + dt.timedelta(days=40), ["youth", "local"], False),
        ("Sakråd om idrottens ansvar", today + dt.timedelta(days=90), [], False),
    ]
    pages = {}
    for title, date, theme_keys, with_minutes in rows:
        page = ConsultationPageFactory(
            parent=index, title=title, date=date, themes=[themes[key] for key in theme_keys]
        )
        if with_minutes:
            MinutesPageFactory(parent=page)
        pages[title] = page
    return pages


def _year_options(response) -> list[str]:
    options = html(response).select("select[name=year] option")
    return [option["value"] for option in options if option["value"]]


def _titles_where(condition) -> set[str]:
    return {page.title for page in ConsultationPage.objects.with_status() if condition(page)}


def test_lists_every_published_consultation_newest_first(client, index, catalogue):
    titles = card_titles(client.get(index.url))
    expected = [page.title for page in sorted(catalogue.values(), key=lambda page: page.date, reverse=True)]
    assert titles == expected


def test_consultations_on_the_same_day_keep_a_stable_order(client, index, now):
    day = now.date() + dt.timedelta(days=10)
    first = ConsultationPageFactory(parent=index, title="Förmiddagens sakråd", date=day)
    second = ConsultationPageFactory(parent=index, title="Eftermiddagens sakråd", date=day)
    assert card_titles(client.get(index.url)) == [second.title, first.title]


@pytest.mark.parametrize("key", ["youth", "local"])
def test_filter_by_theme(client, index, catalogue, themes, key):
    theme = themes[key]
    titles = card_titles(client.get(index.url, {"theme": theme.slug}))
    assert len(titles) == len(set(titles)), "a page with two themes must be listed once"
    assert set(titles) == _titles_where(lambda page: theme in page.themes.all())


@pytest.mark.parametrize("year", [2024, 2025])
def test_filter_by_year(client, index, catalogue, year):
    titles = card_titles(client.get(index.url, {"year": year}))
    assert titles
    assert set(titles) == _titles_where(lambda page: page.date.year == year)


def test_year_choices_are_the_years_that_have_consultations(client, index, catalogue):
    response = client.get(index.url)
    years = sorted({page.date.year for page in catalogue.values()}, reverse=True)
    assert _year_options(response) == [str(year) for year in years]


@pytest.mark.parametrize("status", list(ConsultationStatus), ids=lambda status: status.value)
def test_filter_by_status(client, index, catalogue, status):
    titles = card_titles(client.get(index.url, {"status": status.value}))
    assert set(titles) == _titles_where(lambda page: page.status == status)


@pytest.mark.parametrize(
    "filters",
    [
        {"theme": "youth", "year": 2024},
        {"theme": "youth", "status": ConsultationStatus.MINUTES_PUBLISHED},
        {"theme": "local", "year": 2024, "status": ConsultationStatus.HELD},
        {"year": 2025, "status": ConsultationStatus.PLANNED},
        {"theme": "local", "year": 2025, "status": ConsultationStatus.MINUTES_PUBLISHED},
    ],
    ids=["theme+year", "theme+status", "theme+year+status", "year+status", "no-match"],
)
def test_filters_combine(client, index, catalogue, themes, filters):
    query = dict(filters)
    theme = themes.get(query.get("theme"))
    if theme:
        query["theme"] = theme.slug

    def matches(page):
        return (
            (theme is None or theme in page.themes.all())
            and ("year" not in filters or page.date.year == filters["year"])
            and ("status" not in filters or page.status == filters["status"])
        )

    response = client.get(index.url, query)
    assert not response.context["filter_form"].errors
    assert set(card_titles(response)) == _titles_where(matches)


def test_pagination_keeps_the_filters(client, index, themes, now):
    page_size = ConsultationIndexPage.page_size
    for number in range(2 * page_size + 3):
        ConsultationPageFactory(
            parent=index,
            title=f"Sakråd med tema {number}",
            date=now.date() - dt.timedelta(days=number),
            themes=[themes["youth"]],
        )
    for number in range(4):
        ConsultationPageFactory(parent=index, title=f"Sakråd utan tema {number}")

    seen: list[str] = []
    url, query = index.url, {"theme": themes["youth"].slug}
    pages_visited = 0
    while url:
        response = client.get(url, query)
        titles = card_titles(response)
        assert 0 < len(titles) <= page_size
        seen += titles
        pages_visited += 1
        next_link = html(response).select_one(".pagination a[rel=next]")
        for link in html(response).select(".pagination a"):
            assert parse_qs(urlsplit(link["href"]).query)["theme"] == [themes["youth"].slug], link
        if next_link is None:
            break
        url, query = index.url + next_link["href"], None

    assert pages_visited == 3
    assert len(seen) == len(set(seen))
    assert set(seen) == {f"Sakråd med tema {number}" for number in range(2 * page_size + 3)}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"year": "abc"}, "year"),
        ({"year": "1999"}, "year"),
        ({"theme": "finns-inte"}, "theme"),
        ({"status": "bogus"}, "status"),
        ({"year": "abc", "theme": "finns-inte", "status": "bogus"}, "status"),
    ],
    ids=["year-not-a-number", "year-without-consultations", "unknown-theme", "unknown-status", "all-bad"],
)
def test_invalid_filters_give_a_page_with_an_error_not_a_crash(client, index, catalogue, query, field):
    response = client.get(index.url, query)
    assert response.status_code == 200
    form = response.context["filter_form"]
    assert field in form.errors
    document = html(response)
    assert document.select_one(".error-summary"), "the visitor is told what went wrong"
    assert document.select(f"[name={field}][aria-invalid=true]")
    # Nothing is filtered by a form that did not validate: every consultation is still listed.
    assert set(card_titles(response)) == {page.title for page in catalogue.values()}


@pytest.mark.parametrize("page_number", ["abc", "999", "-1", "0"])
def test_invalid_page_numbers_still_show_a_page(client, index, catalogue, page_number):
    response = client.get(index.url, {"page": page_number})
    assert response.status_code == 200
    assert card_titles(response)


def test_drafts_are_never_listed(client, index, themes, now):
    published = ConsultationPageFactory(parent=index, title="Publicerat sakråd", themes=[themes["youth"]])
    draft = ConsultationPageFactory(
        parent=index, title="Hemligt utkast", themes=[themes["youth"]], publish=False
    )
    withdrawn = ConsultationPageFactory(parent=index, title="Avpublicerat sakråd", themes=[themes["youth"]])
    withdrawn.unpublish()

    queries = [
        {},
        {"theme": themes["youth"].slug},
        {"year": draft.date.year},
        {"status": draft.status.value},
        {"theme": themes["youth"].slug, "year": draft.date.year, "status": draft.status.value},
    ]
    for query in queries:
        response = client.get(index.url, query)
        assert card_titles(response) == [published.title], query
        assert draft.title not in response.content.decode()
        assert withdrawn.title not in response.content.decode()


def test_unpublished_changes_are_not_shown_in_the_list(client, index, now):
    page = ConsultationPageFactory(parent=index, title="Sakråd som det publicerades")
    page.title = "Sakråd med ändringar som inte publicerats"
    page.save_revision()
    response = client.get(index.url)
    assert card_titles(response) == ["Sakråd som det publicerades"]
    assert "inte publicerats" not in response.content.decode()


def test_a_draft_is_not_a_year_choice(client, index, now):
    ConsultationPageFactory(parent=index, date=dt.date(2024, 6, 4))
    ConsultationPageFactory(parent=index, date=dt.date(2021, 3, 1), publish=False)
    response = client.get(index.url)
    assert _year_options(response) == ["2024"]


# --- rendering in both languages -------------------------------------------------------------


@pytest.mark.parametrize("language", ["sv", "en"])
def test_index_renders_title_filters_and_cards(client, index, catalogue, language):
    path = url_in(index, language)
    assert path.startswith("/en/") == (language == "en")
    response = client.get(path)
    document = html(response)
    assert document.html["lang"] == language
    assert h1(document) == index.title

    filters = section(document, translated("Filter consultations", language))
    labels = {text_of(label) for label in filters.find_all("label")}
    assert {translated(label, language) for label in ("Theme", "Year", "Status")} <= labels

    cards = {text_of(card.select_one(".card__title")): text_of(card) for card in document.select(".card")}
    with translation.override(language):
        for page in ConsultationPage.objects.for_listing():
            assert str(page.status.label) in cards[page.title]
            for theme in page.themes.all():
                assert theme.name in cards[page.title]


def test_index_card_links_lead_to_the_consultations(client, index, catalogue):
    document = html(client.get(index.url))
    hrefs = {a["href"] for a in document.select(".card__title a")}
    assert hrefs == {page.url for page in catalogue.values()}


def test_index_in_english_links_to_english_pages(client, index, catalogue):
    document = html(client.get(url_in(index, "en")))
    hrefs = {a["href"] for a in document.select(".card__title a")}
    assert hrefs == {url_in(page, "en") for page in catalogue.values()}


def test_index_interface_is_swedish(client, index, catalogue):
    document = html(client.get(index.url))
    for msgid in ("Filter consultations", "Consultations"):
        swedish = translated(msgid, "sv")
        assert swedish != msgid, f"{msgid!r} has no Swedish translation"
        section(document, swedish)
    labels = {text_of(label) for label in document.find_all("label")}
    assert translated("Theme", "sv") in labels
    assert "Theme" not in labels
