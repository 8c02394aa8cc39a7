"""The calendar attachment: one event per consultation, with a UID that stays the same across emails,
so a second email (a reminder, new details) updates the entry instead of adding another."""

import datetime as dt

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


def consultation_ics(*, consultation, description: str = "", url: str = "") -> bytes:
    """An iCalendar file for the consultation. The personal RSVP link is left out on purpose: calendar
    entries are often shared with colleagues or published, emails less so."""
    calendar = Calendar()
    calendar.add("prodid", "-//Sakråd//Consultations//SV")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
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
    # Calendars apply an update only when the sequence grows; the last publication time does.
    published = consultation.last_published_at
    event.add("sequence", int(published.timestamp()) // 60 if published else 0)
    calendar.add_component(event)
    # Time zone rules for the event's year only: the default (1970-2038) adds a hundred lines.
    year = consultation.date.year
    calendar.add_missing_timezones(first_date=dt.date(year, 1, 1), last_date=dt.date(year + 1, 1, 1))
    return calendar.to_ical()
