"""Reads for open input: the public form's consultation and period, the moderation queue, the counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, OuterRef, Subquery, Value, When
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from consultations.models import ConsultationPage, DiscussionQuestion
from minutes.models import MinutesPage

from .models import AgeBand, AnswerStatus, InputAnswer, OpenInputPeriod


def _with_published_minutes_id(periods):
    """Each period with the id of its consultation's live minutes (`published_minutes_id`, None while
    there are none), in the same query: open input closes once they are out (OpenInputState)."""
    minutes = MinutesPage.objects.live().filter(
        path__startswith=OuterRef("consultation__path"), depth=OuterRef("consultation__depth") + 1
    )
    return periods.annotate(published_minutes_id=Subquery(minutes.values("pk")[:1]))


def public_open_input(*, consultation_id: int) -> OpenInputPeriod:
    """The period (with its consultation) of a live, public consultation; 404 for anything else."""
    public = ConsultationPage.objects.live().public().filter(pk=consultation_id)
    period = (
        _with_published_minutes_id(OpenInputPeriod.objects.select_related("consultation"))
        .filter(consultation__in=public)
        .first()
    )
    if period is None:
        raise Http404
    return period


def open_input_period_for(*, consultation) -> OpenInputPeriod | None:
    return _with_published_minutes_id(OpenInputPeriod.objects.filter(consultation=consultation)).first()


@dataclass(frozen=True)
class OpenInputState:
    """Whether open input takes answers now. It closes at the end of its period, or earlier when the
    consultation's minutes are published: the minutes are compiled with the answers approved by then,
    so an answer sent later would never reach them, whatever the form promised."""

    period: OpenInputPeriod
    minutes: object | None  # the published minutes that closed it, if they have
    minutes_url: str  # where to read them ("" when they are not public)
    now: dt.datetime

    @property
    def is_open(self) -> bool:
        return self.minutes is None and self.period.is_open(self.now)

    @property
    def closed_by_minutes(self) -> bool:
        return self.minutes is not None

    @property
    def has_closed(self) -> bool:
        return self.closed_by_minutes or self.period.has_closed(self.now)


def open_input_state(*, period: OpenInputPeriod, now=None) -> OpenInputState:
    """The period and the consultation's published minutes. No query while there are none when the
    period was read by the selectors above (they note the minutes' id); two once they are out (the
    page, and whether it is public, for the link)."""
    if not hasattr(period, "published_minutes_id"):
        period.published_minutes_id = (
            MinutesPage.objects.child_of(period.consultation).live().values_list("pk", flat=True).first()
        )
    minutes_id = period.published_minutes_id
    minutes = MinutesPage.objects.filter(pk=minutes_id).first() if minutes_id is not None else None
    public = minutes is not None and not minutes.get_view_restrictions().exists()
    return OpenInputState(
        period=period, minutes=minutes, minutes_url=minutes.url if public else "", now=now or timezone.now()
    )


def published_questions(*, consultation) -> list[DiscussionQuestion]:
    """The live page's questions, from the database: questions only in a newer draft (or in memory on a
    revision's copy of the page) are not asked yet."""
    return list(DiscussionQuestion.objects.filter(page_id=consultation.pk).order_by("sort_order", "number"))


def moderation_queue(*, consultation):
    """Every answer, those waiting first, oldest first within a status."""
    pending_first = Case(
        When(status=AnswerStatus.PENDING, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    return InputAnswer.objects.filter(consultation=consultation).order_by(
        pending_first, "-moderated_at", "created_at"
    )


def status_counts(*, consultation) -> dict[str, int]:
    rows = InputAnswer.objects.filter(consultation=consultation).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(AnswerStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


@dataclass(frozen=True)
class AnswerSummary:
    answers: list[InputAnswer]
    respondent_count: int
    age_bands: list[tuple[str, int]]  # (label, people) in the bands' order, "not stated" last


def summarise(answers: list[InputAnswer]) -> AnswerSummary:
    """Counted by person (one form sent), not by answer: someone who answers three questions is one."""
    band_of = {answer.submission: answer.age_band for answer in answers}
    people = Counter(band_of.values())
    bands = [(str(label), people[value]) for value, label in AgeBand.choices if people[value]]
    if people[""]:
        bands.append((gettext("Not stated"), people[""]))
    return AnswerSummary(answers=answers, respondent_count=len(band_of), age_bands=bands)


def approved_summary(*, consultation) -> AnswerSummary:
    return summarise(
        list(InputAnswer.objects.filter(consultation=consultation, status=AnswerStatus.APPROVED))
    )


def received_summary(*, consultation) -> AnswerSummary:
    """Everything received, whatever the moderation: did the input reach young people at all?"""
    return summarise(
        list(InputAnswer.objects.filter(consultation=consultation).only("submission", "age_band"))
    )
