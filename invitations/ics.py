"""The calendar attachment: one event per consultation, with a UID that stays the same across emails,
so a second email (a reminder, new details) updates the entry instead of adding another.

The public calendar feed (cycle/calendar.py) builds its events with the same `consultation_event`,
so an entry added from an email, a download or the feed is one and the same event."""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar, Event


def consultation_uid(*, consultation) -> str:
    return f"consultation-{consultation.pk}@sakrad"


def venue_text(*, consultation) -> str:
    lines = [consultation.venue_name, *consultation.venue_address.splitlines()]
    return ", ".join(line.strip() for line in lines if line.strip())


def consultation_location(*, consultation) -> str:
    return " / ".join(
        part for part in (venue_text(consultation=consultation), consultation.online_link) if part
    )


def consultation_sequence(*, consultation) -> int:
    # Calendars apply an update only when the sequence grows; the last publication time does.
    published = consultation.last_published_at
    return int(published.timestamp()) // 60 if published else 0


def consultation_event(*, consultation, description: str = "", url: str = "") -> Event:
    event = Event()
    event.add("uid", consultation_uid(consultation=consultation))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", timezone.localtime(consultation.starts_at))
    event.add("dtend", timezone.localtime(consultation.ends_at))
    event.add("summary", consultation.title)
    if location := consultation_location(consultation=consultation):
        event.add("location", location)
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    event.add("sequence", consultation_sequence(consultation=consultation))
    return event


def new_calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Sakråd//Consultations//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    return calendar


def add_time_zones(calendar: Calendar, *, years: Iterable[int]) -> None:
    """Time zone rules for the events' years only: the default (1970-2038) adds a hundred lines."""
    years = list(years)
    if years:
        calendar.add_missing_timezones(
            first_date=dt.date(min(years), 1, 1), last_date=dt.date(max(years) + 1, 1, 1)
        )


def consultation_ics(*, consultation, description: str = "", url: str = "") -> bytes:
    """An iCalendar file for the consultation. The personal RSVP link is left out on purpose: calendar
    entries are often shared with colleagues or published, emails less so."""
    calendar = new_calendar()
    calendar.add_component(consultation_event(consultation=consultation, description=description, url=url))
    add_time_zones(calendar, years=[consultation.date.year])
    return calendar.to_ical()
