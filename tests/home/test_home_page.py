"""The front page: what is coming up and which minutes were published lately."""

import datetime as dt

import pytest
from django.utils import translation

from consultations.models import ConsultationPage
from home.models import HomePage
from minutes.models import MinutesPage
from tests.factories import ConsultationPageFactory, MinutesPageFactory, ThemeFactory
from tests.utils import h1, html, section, text_of, translated, url_in

pytestmark = pytest.mark.django_db

DAY = dt.timedelta(days=1)


def _upcoming_titles(response, language="sv") -> list[str]:
    block = section(html(response), translated("Upcoming consultations", language))
    return [text_of(node) for node in block.select(".card__title")]


def _minutes_titles(response, language="sv") -> list[str]:
    block = section(html(response), translated("Recently published minutes", language))
    return [text_of(a) for a in block.find_all("a")]


def _published(page: MinutesPage, when: dt.datetime) -> MinutesPage:
    MinutesPage.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
    return page


@pytest.mark.parametrize("language", ["sv", "en"])
def test_home_page_renders_with_title_and_introduction(client, home, language):
    response = client.get(url_in(home, language))
    document = html(response)
    assert document.html["lang"] == language
    assert h1(document) == home.title
    assert "Regeringskansliets sakråd" in text_of(document.find("main"))


def test_home_page_is_the_site_root(client, home):
    assert url_in(home, "sv") == "/"
    assert url_in(home, "en") == "/en/"
    assert client.get("/").context["page"].specific.__class__ is HomePage


def test_upcoming_lists_future_and_today_but_not_past_or_drafts(client, index, home, now):
    today = now.date()
    # The clock stands at 14:00: one consultation later this afternoon, one that ended at noon.
    later_today = ConsultationPageFactory(
        parent=index, title="Sakråd i eftermiddag", date=today, start_time=dt.time(15), end_time=dt.time(17)
    )
    held_this_morning = ConsultationPageFactory(
        parent=index, title="Sakråd i förmiddags", date=today, start_time=dt.time(9), end_time=dt.time(12)
    )
    soon = ConsultationPageFactory(parent=index, title="Sakråd nästa vecka", date=today + 7 * DAY)
    past = ConsultationPageFactory(parent=index, title="Sakråd förra veckan", date=today - 7 * DAY)
    # Minutes already out (the day moved, or staff published early): it is no longer coming up.
    with_minutes = ConsultationPageFactory(parent=index, title="Sakråd med protokoll", date=today + 4 * DAY)
    MinutesPageFactory(parent=with_minutes)
    draft = ConsultationPageFactory(
        parent=index, title="Sakråd i utkast", date=today + 3 * DAY, publish=False
    )
    withdrawn = ConsultationPageFactory(parent=index, title="Tillbakadraget sakråd", date=today + 2 * DAY)
    withdrawn.unpublish()

    response = client.get(home.url)
    assert _upcoming_titles(response) == [later_today.title, soon.title], "soonest first"
    content = response.content.decode()
    for hidden in (past, draft, withdrawn, held_this_morning, with_minutes):
        assert hidden.title not in content


def test_upcoming_shows_a_limited_number(client, index, home, now):
    pages = [
        ConsultationPageFactory(parent=index, date=now.date() + (n + 1) * DAY)
        for n in range(HomePage.listing_size + 2)
    ]
    titles = _upcoming_titles(client.get(home.url))
    assert titles == [page.title for page in pages[: HomePage.listing_size]]


def test_upcoming_cards_show_status_and_themes(client, index, home, now):
    theme = ThemeFactory(name="Unga och integration")
    page = ConsultationPageFactory(
        parent=index,
        date=now.date() + 20 * DAY,
        registration_opens=now - DAY,
        rsvp_deadline=now + 5 * DAY,
        themes=[theme],
    )
    response = client.get(url_in(home, "en"))
    card = section(html(response), translated("Upcoming consultations", "en")).select_one(".card")
    with translation.override("en"):
        status = ConsultationPage.objects.get(pk=page.pk).status
        assert str(status.label) in text_of(card)
    assert theme.name in text_of(card)


def test_no_upcoming_consultations_says_so(client, index, home, now):
    ConsultationPageFactory(parent=index, date=now.date() - 30 * DAY)
    response = client.get(url_in(home, "en"))
    assert _upcoming_titles(response, "en") == []
    block = section(html(response), translated("Upcoming consultations", "en"))
    assert translated("No consultations are planned at the moment.", "en") in text_of(block)


def test_recent_minutes_newest_first_and_not_drafts(client, index, home, now):
    older = _published(
        MinutesPageFactory(
            parent=ConsultationPageFactory(parent=index, date=now.date() - 90 * DAY),
            title="Minnesanteckningar från våren",
        ),
        now - 60 * DAY,
    )
    newer = _published(
        MinutesPageFactory(
            parent=ConsultationPageFactory(parent=index, date=now.date() - 30 * DAY),
            title="Minnesanteckningar från sommaren",
        ),
        now - 10 * DAY,
    )
    draft = MinutesPageFactory(
        parent=ConsultationPageFactory(parent=index, date=now.date() - 5 * DAY),
        title="Minnesanteckningar under arbete",
        publish=False,
    )
    response = client.get(home.url)
    assert _minutes_titles(response) == [newer.title, older.title]
    assert draft.title not in response.content.decode()
    links = section(html(response), translated("Recently published minutes", "sv")).find_all("a")
    assert [a["href"] for a in links] == [newer.url, older.url]


def test_recent_minutes_are_limited(client, index, home, now):
    minutes = []
    for n in range(HomePage.listing_size + 1):
        consultation = ConsultationPageFactory(parent=index, date=now.date() - (n + 10) * DAY)
        minutes.append(_published(MinutesPageFactory(parent=consultation), now - n * DAY))
    assert _minutes_titles(client.get(home.url)) == [page.title for page in minutes[: HomePage.listing_size]]


def test_withdrawn_minutes_disappear_from_the_home_page(client, index, home, now):
    minutes = MinutesPageFactory(parent=ConsultationPageFactory(parent=index, date=now.date() - 9 * DAY))
    assert _minutes_titles(client.get(home.url)) == [minutes.title]
    minutes.unpublish()
    assert _minutes_titles(client.get(home.url)) == []


def test_bare_minutes_titles_are_named_after_their_consultation(client, index, home, now):
    bare = _published(
        MinutesPageFactory(
            parent=ConsultationPageFactory(
                parent=index, title="Sakråd om barn och unga", date=now.date() - 30 * DAY
            ),
            title="Minnesanteckningar",
        ),
        now - 2 * DAY,
    )
    named = _published(
        MinutesPageFactory(
            parent=ConsultationPageFactory(
                parent=index, title="Sakråd om idrott", date=now.date() - 40 * DAY
            ),
            title="Minnesanteckningar från idrottssakrådet",
        ),
        now - 3 * DAY,
    )
    assert _minutes_titles(client.get(home.url)) == [
        "Minnesanteckningar: Sakråd om barn och unga",
        named.title,
    ]
    assert bare.title == "Minnesanteckningar", "the page's own title is left as staff wrote it"


def test_the_admin_names_bare_minutes_too_and_reads_no_parent_for_the_others(
    index, now, django_assert_num_queries
):
    """The admin's listings ask each row for its display title: only a bare title costs a query."""
    bare = MinutesPageFactory(
        parent=ConsultationPageFactory(parent=index, title="Sakråd om skolan"), title="Minnesanteckningar"
    )
    named = MinutesPageFactory(
        parent=ConsultationPageFactory(parent=index), title="Minnesanteckningar om idrott"
    )
    bare, named = MinutesPage.objects.get(pk=bare.pk), MinutesPage.objects.get(pk=named.pk)
    with django_assert_num_queries(0):
        assert named.get_admin_display_title() == "Minnesanteckningar om idrott"
    with django_assert_num_queries(1):
        assert bare.get_admin_display_title() == "Minnesanteckningar: Sakråd om skolan"


def test_home_page_links_to_the_consultation_list(client, home, index):
    document = html(client.get(home.url))
    assert document.select_one(f'main a[href="{index.url}"]')


def test_home_page_interface_is_swedish(client, home):
    document = html(client.get(home.url))
    headings = {text_of(h2) for h2 in document.find_all("h2")}
    for msgid in ("Upcoming consultations", "Recently published minutes"):
        swedish = translated(msgid, "sv")
        assert swedish != msgid, f"{msgid!r} has no Swedish translation"
        assert swedish in headings
        assert msgid not in headings
