"""Reads for the year's page and the calendar, each in a fixed number of queries."""

import datetime as dt

from .permissions import publicly_visible_consultations

# The feed carries the past year too: a calendar that follows it keeps last spring's entries.
FEED_HISTORY = dt.timedelta(days=365)


def consultation_years(*, theme=None) -> list[int]:
    """The years with any public consultation; with a theme, the years with one on that theme."""
    consultations = publicly_visible_consultations()
    if theme is not None:
        consultations = consultations.filter(themes=theme)
    return [day.year for day in consultations.dates("date", "year")]


def by_month(consultations) -> list[dict]:
    """Consultations in date order, grouped under the first day of their month."""
    months: dict[dt.date, list] = {}
    for consultation in consultations:
        months.setdefault(consultation.date.replace(day=1), []).append(consultation)
    return [{"month": month, "consultations": items} for month, items in months.items()]


def year_overview(*, year: int, theme=None, now=None) -> dict:
    consultations = (
        publicly_visible_consultations()
        .filter(date__year=year)
        .with_status(now)
        .prefetch_related("themes")
        .order_by("date", "start_time", "pk")
    )
    if theme is not None:
        consultations = consultations.filter(themes=theme)
    years = consultation_years(theme=theme)  # the links between years keep to the theme too
    return {
        "months": by_month(consultations),
        "previous_year": max((other for other in years if other < year), default=None),
        "next_year": min((other for other in years if other > year), default=None),
    }


def calendar_consultations(*, today: dt.date) -> list:
    return list(
        publicly_visible_consultations()
        .filter(date__gte=today - FEED_HISTORY)
        .order_by("date", "start_time", "pk")
    )


def public_consultation(*, consultation_id: int):
    return publicly_visible_consultations().filter(pk=consultation_id).first()
