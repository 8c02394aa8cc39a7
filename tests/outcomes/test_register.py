"""The public register (/uppfoljning/): what a reader sees, filters, the takeaway's page, the feeds,
and that a change by staff shows at once although the pages are cached."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from minutes.models.follow_up import FollowUpKind
from minutes.models.takeaway import TakeawayStatus
from minutes.services.follow_up import follow_up_add, takeaway_statuses_set
from tests.minutes.workflow_helpers import draft_minutes, held_consultation
from tests.outcomes.helpers import published_minutes, takeaways_of, theme

pytestmark = pytest.mark.django_db

INDEX = reverse("outcomes:index")


@pytest.fixture
def school(db):
    return theme("Skola och fritid", "skola")


@pytest.fixture
def work(db):
    return theme("Arbete", "arbete")


@pytest.fixture
def minutes(index, school, people):
    return published_minutes(
        index,
        title="Sakråd om fritidsgårdar",
        date=dt.date(2024, 6, 4),
        themes=[school],
        takeaways=("Öppna skolgårdarna på kvällen", "Fler mentorer"),
    )


def test_the_register_lists_published_takeaways_with_what_came_of_them(client, minutes, organiser):
    first, second = takeaways_of(minutes)
    takeaway_statuses_set(minutes=minutes, statuses={}, units={second.pk: "Skolenheten"}, user=organiser)
    follow_up_add(
        minutes=minutes,
        date=dt.date(2024, 11, 5),
        text="<p>Regeringen har beslutat om bidraget.</p>",
        answers=[first],
        kind=FollowUpKind.DECISION,
        link="https://www.regeringen.se/beslut/1",
        user=organiser,
    )
    page = client.get(INDEX).content.decode()
    assert "Öppna skolgårdarna på kvällen" in page and "Fler mentorer" in page
    assert "Besvarad" in page and "Öppen" in page  # the statuses, in words
    assert "Skola och fritid" in page  # the consultation's theme
    assert (
        "Skolenheten" in page and "Enheten för civila samhället" in page
    )  # own unit, else the consultation's
    assert "5 november 2024" in page  # the last response
    assert "https://www.regeringen.se/beslut/1" in page and "badge--answered" in page
    assert reverse("outcomes:takeaway", args=[first.pk]) in page


def test_english_twin(client, minutes):
    page = client.get("/en/uppfoljning/").content.decode()
    assert "What happened next" in page and 'lang="sv"' in page  # the takeaways are Swedish content


def test_only_published_public_takeaways_are_listed(client, index, minutes, people):
    draft_minutes(held_consultation(index, title="Ett utkast"), takeaways=("Hemligt utkastmedskick",))
    restricted = published_minutes(index, title="Internt", takeaways=("Skyddat medskick",))
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    page = client.get(INDEX).content.decode()
    assert "Fler mentorer" in page
    assert "Hemligt utkastmedskick" not in page and "Skyddat medskick" not in page
    hidden = takeaways_of(restricted)[0]
    assert client.get(reverse("outcomes:takeaway", args=[hidden.pk])).status_code == 404


def test_filters_by_theme_status_and_year(client, index, minutes, work, organiser):
    later = published_minutes(
        index,
        title="Sakråd om arbete",
        date=dt.date(2025, 5, 14),
        themes=[work],
        takeaways=("Fler praktikplatser",),
    )
    takeaway_statuses_set(
        minutes=later, statuses={takeaways_of(later)[0].pk: TakeawayStatus.IN_PROGRESS}, user=organiser
    )
    by_theme = client.get(INDEX, {"theme": "arbete"}).content.decode()
    assert "Fler praktikplatser" in by_theme and "Fler mentorer" not in by_theme
    by_status = client.get(INDEX, {"status": "open"}).content.decode()
    assert "Fler mentorer" in by_status and "Fler praktikplatser" not in by_status
    by_year = client.get(INDEX, {"year": "2024"}).content.decode()
    assert "Fler mentorer" in by_year and "Fler praktikplatser" not in by_year
    assert reverse("outcomes:theme_feed", args=["arbete"]) in by_theme


@pytest.mark.parametrize(
    "query",
    [{"theme": "finns-inte"}, {"status": "<script>"}, {"year": "abc"}, {"page": "999"}, {"year": "1800"}],
)
def test_bad_filters_are_form_errors_not_crashes(client, minutes, query):
    response = client.get(INDEX, query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_the_list_is_paginated(client, index, people):
    published_minutes(index, title="Många", takeaways=[f"Medskick nummer {n}" for n in range(25)])
    first = client.get(INDEX).content.decode()
    assert first.count('class="register-item"') == 20 and 'rel="next"' in first
    second = client.get(INDEX, {"page": 2}).content.decode()
    assert second.count('class="register-item"') == 5


def _queries(client, **params) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(INDEX, params).status_code == 200
    return len(queries)


def test_the_query_count_is_fixed_whatever_the_number_of_takeaways(
    client, index, school, organiser, settings
):
    settings.SAKRAD_PUBLIC_CACHE = False  # measure the view, not the cache
    small = published_minutes(index, title="Litet", themes=[school], takeaways=("Ett",))
    follow_up_add(
        minutes=small,
        date=dt.date(2025, 1, 1),
        text="<p>Svar.</p>",
        answers=takeaways_of(small),
        user=organiser,
    )
    client.get(INDEX)  # the first request makes the site's settings row
    few = _queries(client)
    few_filtered = _queries(
        client, theme="skola", status="answered", year=str(small.get_parent().specific.date.year)
    )
    big = published_minutes(
        index, title="Stort", themes=[school], takeaways=[f"Punkt {n}" for n in range(15)]
    )
    follow_up_add(
        minutes=big, date=dt.date(2025, 1, 2), text="<p>Svar.</p>", answers=takeaways_of(big), user=organiser
    )
    follow_up_add(
        minutes=big,
        date=dt.date(2025, 1, 3),
        text="<p>Mer.</p>",
        answers=takeaways_of(big)[:5],
        user=organiser,
    )
    assert _queries(client) == few
    assert (
        _queries(client, theme="skola", status="answered", year=str(small.get_parent().specific.date.year))
        == few_filtered
    )


def test_takeaway_page_shows_its_history_and_responses(client, minutes, organiser):
    first = takeaways_of(minutes)[0]
    takeaway_statuses_set(minutes=minutes, statuses={first.pk: TakeawayStatus.IN_PROGRESS}, user=organiser)
    follow_up = follow_up_add(
        minutes=minutes,
        date=dt.date(2024, 12, 1),
        text="<p>En rapport är klar.</p>",
        answers=[first],
        kind=FollowUpKind.REPORT,
        link="https://example.org/rapport.pdf",
        user=organiser,
    )
    page = client.get("/en" + reverse("outcomes:takeaway", args=[first.pk])).content.decode()
    assert (
        "En rapport är klar." in page
        and "Report, <time" in page
        and "https://example.org/rapport.pdf" in page
    )
    assert f'id="svar-{follow_up.pk}"' in page
    assert 'status changed from "Open" to "In progress"' in page
    assert 'status changed from "In progress" to "Has been answered"' in page
    assert f"{minutes.url}#medskick-{first.pk}" in page
    assert f"/en/uppfoljning/medskick/{first.pk}/folj/" in page


def test_the_history_gives_the_day_as_stockholm_counts_it(client, minutes, organiser, freeze_now):
    """A change at half past midnight in Stockholm is that day's, though it is the day before in UTC."""
    first = takeaways_of(minutes)[0]
    freeze_now(dt.datetime(2024, 12, 1, 23, 30, tzinfo=dt.UTC))
    takeaway_statuses_set(minutes=minutes, statuses={first.pk: TakeawayStatus.IN_PROGRESS}, user=organiser)
    page = client.get(reverse("outcomes:takeaway", args=[first.pk])).content.decode()
    assert '<time datetime="2024-12-02">' in page
    assert '<time datetime="2024-12-01">' not in page


def test_markup_in_a_takeaway_is_shown_as_text(client, index, people):
    minutes = published_minutes(index, title="XSS", takeaways=('<img src=x onerror="alert(1)">Bidrag',))
    takeaway = takeaways_of(minutes)[0]
    for url in (INDEX, reverse("outcomes:takeaway", args=[takeaway.pk]), reverse("outcomes:feed")):
        body = client.get(url).content.decode()
        assert "<img src=x" not in body and 'onerror="alert' not in body


def test_a_status_change_shows_at_once_though_the_pages_are_cached(client, minutes, organiser, settings):
    settings.SAKRAD_PUBLIC_CACHE = True
    first = takeaways_of(minutes)[0]
    takeaway_url = reverse("outcomes:takeaway", args=[first.pk])
    assert "badge--in_progress" not in client.get(INDEX).content.decode()
    assert "badge--in_progress" not in client.get(takeaway_url).content.decode()
    takeaway_statuses_set(minutes=minutes, statuses={first.pk: TakeawayStatus.IN_PROGRESS}, user=organiser)
    assert "badge--in_progress" in client.get(INDEX).content.decode()
    assert "badge--in_progress" in client.get(takeaway_url).content.decode()
    follow_up_add(
        minutes=minutes, date=dt.date(2025, 3, 3), text="<p>Nytt svar.</p>", answers=[first], user=organiser
    )
    assert "Nytt svar." in client.get(takeaway_url).content.decode()
    assert "3 mars 2025" in client.get(INDEX).content.decode()


def test_the_feeds_list_status_changes_and_responses(client, index, minutes, work, organiser):
    first = takeaways_of(minutes)[0]
    other = published_minutes(index, title="Arbete", themes=[work], takeaways=("Praktik",))
    takeaway_statuses_set(minutes=minutes, statuses={first.pk: TakeawayStatus.IN_PROGRESS}, user=organiser)
    follow_up_add(
        minutes=other,
        date=dt.date(2025, 2, 2),
        text="<p>Beslut fattat.</p>",
        answers=takeaways_of(other),
        kind=FollowUpKind.DECISION,
        user=organiser,
    )
    feed = client.get(reverse("outcomes:feed"))
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "Öppna skolgårdarna" in body and "Beslut fattat." in body
    themed = client.get(reverse("outcomes:theme_feed", args=["arbete"])).content.decode()
    assert "Beslut fattat." in themed and "Öppna skolgårdarna" not in themed
    assert client.get(reverse("outcomes:theme_feed", args=["finns-inte"])).status_code == 404


def test_the_footer_links_the_register(client, minutes):
    assert INDEX in client.get("/").content.decode()
