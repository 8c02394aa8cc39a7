"""The year's page: the year's public consultations by month, with kind, themes and status."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from cycle.models import AnnualCyclePage
from home.models import HomePage
from tests.factories import ConsultationPageFactory, MinutesPageFactory, ThemeFactory

from .conftest import make_private

pytestmark = pytest.mark.django_db

# With the locale Wagtail routes by and the translations the language switcher lists (docs/languages.md).
YEAR_PAGE_QUERIES = 17
YEAR_PAGE_QUERIES_BY_THEME = YEAR_PAGE_QUERIES + 1  # looking up the theme by its slug


def sv(message: str) -> str:
    """A message as the Swedish pages show it."""
    with translation.override("sv"):
        return translation.gettext(message)


def _soup(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser")


def _months(soup) -> dict[str, list[str]]:
    return {
        section.h3.get_text(strip=True): [item.h4.get_text(strip=True) for item in section.select("li.card")]
        for section in soup.select("section.cycle-month")
    }


def test_the_page_type_lives_once_under_the_home_page(home):
    assert AnnualCyclePage in HomePage.allowed_subpage_models()
    assert AnnualCyclePage.can_create_at(home)
    assert AnnualCyclePage.max_count == 1


def test_this_years_consultations_by_month_with_status_kind_and_themes(client, cycle_page, add, index, now):
    theme = ThemeFactory(name="Unga och integration")
    held = add(dt.date(2025, 3, 4), title="Sakråd om unga", themes=[theme])
    MinutesPageFactory(parent=held)
    later_in_march = add(dt.date(2025, 3, 26), title="Sakråd om föreningsliv")
    add(dt.date(2025, 5, 14), title="Kartlyftet", kind="conference")
    add(dt.date(2024, 11, 5), title="Förra årets sakråd")
    ConsultationPageFactory(parent=index, date=dt.date(2025, 4, 2), title="Utkast", publish=False)
    make_private(add(dt.date(2025, 4, 3), title="Internt möte"))

    soup = _soup(client, cycle_page.url)

    assert soup.h1.get_text(" ", strip=True) == "Årscykel 2025"
    assert _months(soup) == {
        "Mars 2025": ["Sakråd om unga", "Sakråd om föreningsliv"],
        "Maj 2025": ["Kartlyftet"],
    }
    first, second = soup.select("section.cycle-month")[0].select("li.card")
    assert "badge--minutes_published" in str(first.select_one(".badge--status")["class"])
    assert "badge--planned" in str(second.select_one(".badge--status")["class"])
    assert first.select_one(".tag").get_text(strip=True) == "Unga och integration"
    assert first.select_one("a")["href"] == held.url
    assert second.select_one("time")["datetime"] == "2025-03-26T09:30"
    assert later_in_march.title in soup.get_text()
    assert "Utkast" not in soup.get_text() and "Internt möte" not in soup.get_text()


def test_other_years_have_their_own_address_and_links_between_years(client, cycle_page, add, now):
    add(dt.date(2023, 6, 1), title="Sakråd 2023")
    add(dt.date(2024, 9, 1), title="Sakråd 2024")
    add(dt.date(2026, 2, 1), title="Sakråd 2026")

    soup = _soup(client, f"{cycle_page.url}2024/")
    assert _months(soup) == {"September 2024": ["Sakråd 2024"]}
    assert soup.select_one('a[rel="prev"]')["href"] == f"{cycle_page.url}2023/"
    assert soup.select_one('a[rel="next"]')["href"] == f"{cycle_page.url}2026/"

    oldest = _soup(client, f"{cycle_page.url}2023/")
    assert oldest.select_one('a[rel="prev"]') is None


def test_an_empty_year_says_so_kindly(client, cycle_page, now):
    soup = _soup(client, f"{cycle_page.url}2031/")
    assert soup.select("section.cycle-month") == []
    expected = sv(
        "No consultations have been published for %(year)s yet. New ones are added here as they are planned."
    )
    assert expected % {"year": 2031} in soup.select_one(".empty-state").get_text()


def test_a_year_outside_the_calendar_is_not_found(client, cycle_page, now):
    _soup(client, f"{cycle_page.url}99999/", status=404)
    _soup(client, f"{cycle_page.url}0/", status=404)


def test_the_theme_filter_keeps_to_the_year_and_to_the_theme(client, cycle_page, add, now):
    theme = ThemeFactory(name="Idrott")
    add(dt.date(2025, 2, 1), title="Om idrott", themes=[theme])
    add(dt.date(2025, 2, 2), title="Om annat")
    add(dt.date(2024, 2, 2), title="Fjolårets idrott", themes=[theme])

    soup = _soup(client, f"{cycle_page.url}?theme={theme.slug}")
    assert _months(soup) == {"Februari 2025": ["Om idrott"]}
    assert soup.select_one('a[rel="prev"]')["href"] == f"{cycle_page.url}2024/?theme={theme.slug}"

    none = _soup(client, f"{cycle_page.url}2023/?theme={theme.slug}")
    assert sv("There are no consultations on this theme in %(year)s.") % {"year": 2023} in none.get_text()


def test_with_a_theme_the_links_between_years_skip_years_without_it(client, cycle_page, add, now):
    sport, culture = ThemeFactory(name="Idrott"), ThemeFactory(name="Kultur")
    add(dt.date(2022, 5, 1), title="Idrott 2022", themes=[sport])
    add(dt.date(2023, 5, 1), title="Kultur 2023", themes=[culture])
    add(dt.date(2024, 5, 1), title="Idrott 2024", themes=[sport])
    add(dt.date(2025, 5, 1), title="Kultur 2025", themes=[culture])
    add(dt.date(2026, 5, 1), title="Kultur 2026", themes=[culture])
    add(dt.date(2027, 5, 1), title="Idrott 2027", themes=[sport])
    make_private(add(dt.date(2021, 5, 1), title="Internt om idrott", themes=[sport]))

    def links(year, theme):
        soup = _soup(client, f"{cycle_page.url}{year}/?theme={theme.slug}")
        return tuple(
            link["href"] if link else None
            for link in (soup.select_one('a[rel="prev"]'), soup.select_one('a[rel="next"]'))
        )

    assert links(2024, sport) == (
        f"{cycle_page.url}2022/?theme={sport.slug}",
        f"{cycle_page.url}2027/?theme={sport.slug}",
    )
    assert links(2022, sport) == (None, f"{cycle_page.url}2024/?theme={sport.slug}")  # not the private one
    assert links(2025, culture) == (
        f"{cycle_page.url}2023/?theme={culture.slug}",
        f"{cycle_page.url}2026/?theme={culture.slug}",
    )
    assert links(2026, culture) == (f"{cycle_page.url}2025/?theme={culture.slug}", None)
    # A year without the theme links to the nearest years with it.
    assert links(2025, sport) == (
        f"{cycle_page.url}2024/?theme={sport.slug}",
        f"{cycle_page.url}2027/?theme={sport.slug}",
    )
    # Without the filter, every year with any consultation.
    plain = _soup(client, f"{cycle_page.url}2024/")
    assert plain.select_one('a[rel="prev"]')["href"] == f"{cycle_page.url}2023/"
    assert plain.select_one('a[rel="next"]')["href"] == f"{cycle_page.url}2025/"


def test_an_unknown_theme_is_a_form_error_and_the_whole_year_shows(client, cycle_page, add, now):
    add(dt.date(2025, 2, 1), title="Om idrott")
    soup = _soup(client, f"{cycle_page.url}?theme=finns-inte")
    assert soup.select_one(".error-summary") is not None
    assert soup.select_one("#id_theme")["aria-invalid"] == "true"
    assert _months(soup) == {"Februari 2025": ["Om idrott"]}


def test_the_page_gives_the_calendar_address_to_copy(client, cycle_page, now):
    soup = _soup(client, cycle_page.url)
    assert soup.select_one("#calendar-address").get_text() == "http://testserver/kalender/sakrad.ics"
    assert soup.select_one('a[href="webcal://testserver/kalender/sakrad.ics"]') is not None


def test_the_page_in_english(client, cycle_page, add, now):
    add(dt.date(2025, 3, 26), title="Sakråd om föreningsliv")
    url = cycle_page.url  # the Swedish address, before a request switches the language
    soup = _soup(client, f"/en{url}")
    assert soup.html["lang"] == "en"
    assert _months(soup) == {"March 2025": ["Sakråd om föreningsliv"]}
    assert soup.select_one("#year-heading").get_text(strip=True) == "Consultations in 2025"
    assert soup.select_one("#calendar-address").get_text() == "http://testserver/en/kalender/sakrad.ics"
    assert _soup(client, f"/en{url}2024/").select_one("#year-heading").get_text(strip=True) == (
        "Consultations in 2024"
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [("", YEAR_PAGE_QUERIES), ("?theme=matningstema-1", YEAR_PAGE_QUERIES_BY_THEME)],
    ids=["plain", "theme"],
)
def test_the_year_page_takes_a_fixed_number_of_queries(
    client, cycle_page, add, now, uncached, django_assert_num_queries, query, expected
):
    # The page's own queries, as the feed's and tests/reading/page_types.py's are counted: without the
    # public page cache, whose keeping of an answer costs its own query (public_cache/expiry.py).
    themes = [ThemeFactory(name=f"Matningstema {n}") for n in range(3)]

    def grow(count):
        for n in range(count):
            page = add(dt.date(2025, 1 + n % 12, 1 + n % 28), themes=themes[: 1 + n % 3])
            if n % 4 == 0:
                MinutesPageFactory(parent=page)

    url = f"{cycle_page.url}{query}"
    grow(3)
    client.get(url)  # warm the site-root cache
    with django_assert_num_queries(expected):
        assert client.get(url).status_code == 200
    grow(20)
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert len(_months(BeautifulSoup(response.content, "html.parser"))) > 3
