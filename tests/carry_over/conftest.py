"""Consultations on a theme over the years: published minutes with takeaways in each status, a draft
minutes page, minutes on another theme, and the next consultation on the theme."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from consultations.models import ConsultationPage
from minutes.models import MinutesPage, Takeaway
from minutes.models.takeaway import TakeawayStatus
from tests.factories import ConsultationPageFactory, MinutesPageFactory, ThemeFactory


def with_takeaways(consultation, statuses, *, publish=True, title="Minnesanteckningar") -> MinutesPage:
    """Minutes under `consultation` with one takeaway per status, numbered by question."""
    minutes = MinutesPageFactory.build(title=title, slug="minnesanteckningar", held_on=consultation.date)
    minutes.takeaways = [
        Takeaway(
            question_number=n,
            text=f"{consultation.title}: medskick {n} ({status})",
            status=status,
            sort_order=n,
        )
        for n, status in enumerate(statuses, start=1)
    ]
    if not publish:
        minutes.live = False
    consultation.add_child(instance=minutes)
    revision = minutes.save_revision()
    if publish:
        revision.publish()
    return MinutesPage.objects.get(pk=minutes.pk)


def takeaway(minutes, status) -> Takeaway:
    return minutes.takeaways.get(status=status)


def next_consultation(index, theme, *, carried=(), publish=True, title="Nästa sakråd om unga", date=None):
    return ConsultationPageFactory(
        parent=index,
        title=title,
        themes=[theme],
        carried_takeaways=list(carried),
        publish=publish,
        date=date or timezone.localdate() + dt.timedelta(days=40),
    )


@dataclass
class Cycle:
    theme: object
    other_theme: object
    earlier: ConsultationPage
    minutes: MinutesPage  # published: open, in progress, answered
    drafted: ConsultationPage
    draft_minutes: MinutesPage  # not published: one open takeaway
    elsewhere: ConsultationPage
    elsewhere_minutes: MinutesPage  # published, other theme: one open takeaway

    @property
    def open(self) -> Takeaway:
        return takeaway(self.minutes, TakeawayStatus.OPEN)

    @property
    def in_progress(self) -> Takeaway:
        return takeaway(self.minutes, TakeawayStatus.IN_PROGRESS)

    @property
    def answered(self) -> Takeaway:
        return takeaway(self.minutes, TakeawayStatus.ANSWERED)


@pytest.fixture
def cycle(index) -> Cycle:
    theme = ThemeFactory(name="Unga och föreningsliv")
    other_theme = ThemeFactory(name="Lokalt förebyggande arbete")
    last_year = timezone.localdate() - dt.timedelta(days=300)
    earlier = ConsultationPageFactory(
        parent=index, title="Sakråd om unga 2024", themes=[theme], date=last_year
    )
    drafted = ConsultationPageFactory(
        parent=index, title="Sakråd om unga, vår", themes=[theme], date=last_year
    )
    elsewhere = ConsultationPageFactory(
        parent=index, title="Sakråd om lokalt arbete", themes=[other_theme], date=last_year
    )
    statuses = [TakeawayStatus.OPEN, TakeawayStatus.IN_PROGRESS, TakeawayStatus.ANSWERED]
    return Cycle(
        theme=theme,
        other_theme=other_theme,
        earlier=earlier,
        minutes=with_takeaways(earlier, statuses),
        drafted=drafted,
        draft_minutes=with_takeaways(drafted, [TakeawayStatus.OPEN], publish=False),
        elsewhere=elsewhere,
        elsewhere_minutes=with_takeaways(elsewhere, [TakeawayStatus.OPEN]),
    )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
