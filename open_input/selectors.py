"""Reads for open input: the public form's consultation and period, the moderation queue, the counts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Value, When
from django.http import Http404
from django.utils.translation import gettext

from consultations.models import ConsultationPage, DiscussionQuestion

from .models import AgeBand, AnswerStatus, InputAnswer, OpenInputPeriod


def public_open_input(*, consultation_id: int) -> OpenInputPeriod:
    """The period (with its consultation) of a live, public consultation; 404 for anything else."""
    public = ConsultationPage.objects.live().public().filter(pk=consultation_id)
    period = OpenInputPeriod.objects.select_related("consultation").filter(consultation__in=public).first()
    if period is None:
        raise Http404
    return period


def open_input_period_for(*, consultation) -> OpenInputPeriod | None:
    return OpenInputPeriod.objects.filter(consultation=consultation).first()


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
