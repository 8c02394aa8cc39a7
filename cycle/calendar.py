"""The public calendar feed: every public consultation as an event that calendar apps can follow.

Each event is built by invitations.ics, the same as the invitation email's attachment: the same UID,
so an entry added from an email is updated by the feed, and a SEQUENCE that grows with each
publication, so calendars take the new date instead of keeping the old one."""

import datetime as dt
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Timezone, vDuration

from invitations.ics import add_time_zones, consultation_event, new_calendar

# How often calendar apps are asked to fetch the feed again; the HTTP cache is shorter.
REFRESH = dt.timedelta(hours=1)


def _describe(calendar) -> None:
    name = _("Sakråd: consultations")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add(
        "x-wr-caldesc", _("Consultations with civil society and larger events, with dates and places.")
    )
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))


def feed_ics(*, consultations: list, url_for: Callable) -> bytes:
    calendar = new_calendar()
    _describe(calendar)
    for consultation in consultations:
        event = consultation_event(
            consultation=consultation, description=consultation.introduction, url=url_for(consultation)
        )
        calendar.add_component(event)
    if consultations:
        add_time_zones(calendar, years={consultation.date.year for consultation in consultations})
    else:
        # iCalendar wants at least one component: an empty feed still says whose time it keeps.
        year = timezone.localdate().year
        calendar.add_component(
            Timezone.from_tzid(
                settings.TIME_ZONE, first_date=dt.date(year, 1, 1), last_date=dt.date(year + 1, 1, 1)
            )
        )
    return calendar.to_ical()
