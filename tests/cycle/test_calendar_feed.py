"""The public calendar feed: valid iCalendar, one event per public consultation, stable UIDs."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from consultations.models import ConsultationPage
from tests.factories import ConsultationPageFactory

from .conftest import make_private

pytestmark = pytest.mark.django_db

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FEED = "/kalender/sakrad.ics"
FEED_QUERIES = 2  # the view restrictions (for .public()) and the consultations


def _feed(client, path=FEED) -> Calendar:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def test_the_feed_address_is_named():
    assert reverse("cycle:calendar") == FEED


def test_the_feed_holds_every_public_consultation_of_the_last_year_and_the_future(client, add, index, now):
    today = now.date()
    coming = add(today + dt.timedelta(days=20), venue_name="Rosenbad", venue_address="Rosenbad 4, Stockholm")
    summer = add(dt.date(2025, 7, 1), start_time=dt.time(13, 0), end_time=dt.time(15, 30))
    last_autumn = add(today - dt.timedelta(days=150))
    add(today - dt.timedelta(days=400))  # more than a year ago: calendars no longer need it
    draft = ConsultationPageFactory(parent=index, date=today + dt.timedelta(days=5), publish=False)
    private = make_private(add(today + dt.timedelta(days=6)))

    response = client.get(FEED)
    assert set(response["Cache-Control"].split(", ")) == {"public", "max-age=900"}
    calendar = Calendar.from_ical(response.content)
    events = _events(calendar)

    assert set(events) == {f"consultation-{page.pk}@sakrad" for page in (coming, summer, last_autumn)}
    assert f"consultation-{draft.pk}@sakrad" not in events
    assert f"consultation-{private.pk}@sakrad" not in events
    summer_event = events[f"consultation-{summer.pk}@sakrad"]
    assert summer_event.decoded("DTSTART") == dt.datetime(2025, 7, 1, 13, 0, tzinfo=STOCKHOLM)
    assert summer_event.decoded("DTEND") == dt.datetime(2025, 7, 1, 15, 30, tzinfo=STOCKHOLM)
    assert summer_event["DTSTART"].params["TZID"] == "Europe/Stockholm"
    event = events[f"consultation-{coming.pk}@sakrad"]
    assert str(event["SUMMARY"]) == coming.title
    assert str(event["URL"]) == coming.full_url
    assert str(event["LOCATION"]) == "Rosenbad, Rosenbad 4, Stockholm"
    assert int(event["SEQUENCE"]) > 0
    [zone] = calendar.walk("VTIMEZONE")
    assert str(zone["TZID"]) == "Europe/Stockholm"


def test_the_feed_names_itself_and_asks_to_be_refreshed(client, add, now):
    add(now.date())
    calendar = _feed(client)
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"])
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Stockholm"
    assert calendar["REFRESH-INTERVAL"].to_ical() == b"PT1H"
    assert str(calendar["X-PUBLISHED-TTL"]) == "PT1H"


def test_an_empty_feed_is_still_valid_icalendar(client, index, now):
    calendar = _feed(client)
    assert calendar.walk("VEVENT") == []
    assert len(calendar.walk("VTIMEZONE")) == 1  # iCalendar wants at least one component


def test_a_new_date_keeps_the_uid_grows_the_sequence_and_moves_the_event(client, add, now, freeze_now):
    page = add(dt.date(2025, 4, 10))
    [before] = _feed(client).walk("VEVENT")

    freeze_now(now + dt.timedelta(hours=2))
    page = ConsultationPage.objects.get(pk=page.pk)
    page.date = dt.date(2025, 4, 24)
    page.save_revision().publish()
    [after] = _feed(client).walk("VEVENT")

    assert str(after["UID"]) == str(before["UID"]) == f"consultation-{page.pk}@sakrad"
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])
    assert before.decoded("DTSTART").date() == dt.date(2025, 4, 10)
    assert after.decoded("DTSTART").date() == dt.date(2025, 4, 24)


def test_an_unpublished_consultation_leaves_the_feed(client, add, now):
    page = add(now.date() + dt.timedelta(days=3))
    page.unpublish()
    assert _events(_feed(client)) == {}


def test_the_feed_in_english(client, add, now):
    page = add(now.date() + dt.timedelta(days=3))
    calendar = _feed(client, f"/en{FEED}")
    assert str(calendar["X-WR-CALNAME"]) == "Sakråd: consultations"
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"consultation-{page.pk}@sakrad"


def test_the_feed_takes_a_fixed_number_of_queries(client, add, now, uncached, django_assert_num_queries):
    def grow(count):
        for n in range(count):
            add(now.date() + dt.timedelta(days=n))

    grow(2)
    client.get(FEED)  # warm the site-root cache
    with django_assert_num_queries(FEED_QUERIES):
        few = _feed(client)
    grow(20)
    with django_assert_num_queries(FEED_QUERIES):
        many = _feed(client)
    assert (len(few.walk("VEVENT")), len(many.walk("VEVENT"))) == (2, 22)


def test_the_feed_is_read_only(client, index):
    assert client.post(FEED).status_code == 405
