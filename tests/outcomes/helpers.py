"""The register's test data: published minutes under themed consultations, organisers who follow up."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from consultations.models import Theme
from minutes.models import MinutesPage, Takeaway
from tests.minutes.workflow_helpers import draft_minutes, held_consultation, publish


def theme(name: str, slug: str) -> Theme:
    return Theme.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def published_minutes(
    index,
    *,
    title: str,
    date: dt.date | None = None,
    themes=(),
    takeaways=("Fleråriga bidrag",),
    unit="Enheten för civila samhället",
):
    consultation = held_consultation(
        index, title=title, date=date or timezone.localdate() - dt.timedelta(days=30), unit=unit
    )
    for row in themes:
        consultation.themes.add(row)
    consultation.save()
    page = draft_minutes(consultation, takeaways=takeaways)
    publish(page)
    return MinutesPage.objects.get(pk=page.pk)


def takeaways_of(minutes) -> list[Takeaway]:
    return list(Takeaway.objects.filter(page=minutes).order_by("sort_order", "pk"))
