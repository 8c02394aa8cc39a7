"""Reads for the attendee's form, the staff screens, the CSV and the annual cycle; each in a fixed
number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Avg, Count, Q

from consultations.models import ConsultationPage
from invitations.models import Attendee, InvitationStatus
from invitations.tokens import token_hash, token_well_formed

from .choices import DONT_KNOW_LABEL, QUESTION_FIELDS, QUESTIONS, Agreement
from .models import Evaluation, EvaluationAnswer, EvaluationLink

# Fewer answers than this are not shown (nor exported): with one or two, staff could tell whose they are.
MIN_ANSWERS_SHOWN = 3


def attendees_for_evaluation(*, consultation, include_not_checked_in: bool = False):
    """Who attended: those checked in on the day, and also, when asked (remote participants are not
    checked in) or when attendance was not taken, those named on an accepted invitation."""
    rows = Attendee.objects.filter(consultation=consultation)
    checked_in = Q(checked_in_at__isnull=False)
    if include_not_checked_in or not rows.filter(checked_in).exists():
        return rows.filter(checked_in | Q(invitation__status=InvitationStatus.ACCEPTED)).order_by("pk")
    return rows.filter(checked_in).order_by("pk")


def attendee_counts(*, consultation) -> dict:
    rows = Attendee.objects.filter(consultation=consultation)
    return rows.aggregate(
        checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
        not_checked_in=Count(
            "pk", filter=Q(checked_in_at__isnull=True, invitation__status=InvitationStatus.ACCEPTED)
        ),
    )


def evaluation_of(*, consultation) -> Evaluation | None:
    return Evaluation.objects.filter(consultation=consultation).first()


def link_for_token(*, consultation_id: int, token: str, lock: bool = False) -> EvaluationLink | None:
    """The unused link of this consultation's evaluation that `token` opens; None for a forged,
    mistyped, used, replaced or erased one, or one of another consultation."""
    if not token_well_formed(token):
        return None
    rows = EvaluationLink.objects.select_related("evaluation__consultation")
    if lock:
        rows = rows.select_for_update(of=("self",))
    return rows.filter(token_hash=token_hash(token), evaluation__consultation_id=consultation_id).first()


def unused_links(*, evaluation):
    """Links mailed and not yet used: who a reminder goes to."""
    return EvaluationLink.objects.filter(evaluation=evaluation, token_hash__isnull=False).select_related(
        "attendee"
    )


@dataclass
class QuestionResult:
    name: str
    statement: object
    counts: list[tuple[object, int, int]]  # (label, count, percent of answers), "don't know" last
    answered: int  # answers with a step of the scale, not "don't know"
    average: float | None


@dataclass
class Results:
    evaluation: Evaluation | None
    answers: int = 0
    recipients: int = 0
    questions: list[QuestionResult] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.answers >= MIN_ANSWERS_SHOWN

    @property
    def response_rate(self) -> int | None:
        return round(100 * self.answers / self.recipients) if self.recipients else None


def _percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def _aggregates() -> dict:
    aggregates = {"total": Count("pk")}
    for name in QUESTION_FIELDS:
        aggregates[f"{name}__avg"] = Avg(name)
        aggregates[f"{name}__none"] = Count("pk", filter=Q(**{f"{name}__isnull": True}))
        for value in Agreement.values:
            aggregates[f"{name}__{value}"] = Count("pk", filter=Q(**{name: value}))
    return aggregates


def _results(evaluation: Evaluation, row: dict | None) -> Results:
    """Counts per step of each question and the averages over the steps (1–5, "don't know" left out),
    from one row of `_aggregates()` (None: no answers)."""
    total = row["total"] if row else 0
    results = Results(evaluation=evaluation, answers=total, recipients=evaluation.recipient_count)
    from_choices = dict(Agreement.choices)
    for name, statement in QUESTIONS:
        counts = [(from_choices[value], row[f"{name}__{value}"] if row else 0) for value in Agreement.values]
        dont_know = row[f"{name}__none"] if row else 0
        counts.append((DONT_KNOW_LABEL, dont_know))
        average = row[f"{name}__avg"] if row else None
        results.questions.append(
            QuestionResult(
                name=name,
                statement=statement,
                counts=[(label, count, _percent(count, total)) for label, count in counts],
                answered=total - dont_know,
                average=round(average, 1) if average is not None else None,
            )
        )
    return results


def evaluation_results(*, evaluation: Evaluation | None, with_comments: bool = True) -> Results:
    """One evaluation's results and its comments: two queries."""
    if evaluation is None:
        return Results(evaluation=None)
    answers = EvaluationAnswer.objects.filter(evaluation=evaluation)
    results = _results(evaluation, answers.aggregate(**_aggregates()))
    if with_comments and results.shown:
        # Ordered by their text, not by when they came: nothing to match against who answered when.
        results.comments = sorted(answers.exclude(comment="").values_list("comment", flat=True))
    return results


def answers_for_export(*, evaluation: Evaluation):
    """Every answer, for the CSV: in a random order (their keys), never in the order they came."""
    return EvaluationAnswer.objects.filter(evaluation=evaluation).order_by("pk")


def consultations_in_year(*, year: int):
    return ConsultationPage.objects.filter(date__year=year).order_by("date", "pk")


def year_results(*, year: int) -> list[tuple[ConsultationPage, Results]]:
    """Every consultation of the year that has an evaluation, side by side, without comments: two
    queries however many there are."""
    evaluations = (
        Evaluation.objects.filter(consultation__date__year=year)
        .select_related("consultation")
        .order_by("consultation__date", "pk")
    )
    rows = (
        EvaluationAnswer.objects.filter(evaluation__in=evaluations)
        .values("evaluation")
        .annotate(**_aggregates())
    )
    by_evaluation = {row["evaluation"]: row for row in rows.order_by()}
    return [
        (evaluation.consultation, _results(evaluation, by_evaluation.get(evaluation.pk)))
        for evaluation in evaluations
    ]


@dataclass(frozen=True)
class YearSummary:
    """The line the annual cycle's overview shows: how many answered of how many asked, and the
    averages over every answer of the year (of consultations with enough answers to show)."""

    year: int
    evaluations: int
    answers: int
    recipients: int
    averages: list[tuple[object, float | None]]

    @property
    def response_rate(self) -> int | None:
        return round(100 * self.answers / self.recipients) if self.recipients else None


def year_summary(*, year: int) -> YearSummary:
    evaluations = Evaluation.objects.filter(consultation__date__year=year).annotate(
        answer_count=Count("answers")
    )
    shown = [evaluation.pk for evaluation in evaluations if evaluation.answer_count >= MIN_ANSWERS_SHOWN]
    averages = EvaluationAnswer.objects.filter(evaluation__in=shown).aggregate(
        **{name: Avg(name) for name in QUESTION_FIELDS}
    )
    return YearSummary(
        year=year,
        evaluations=len(evaluations),
        answers=sum(evaluation.answer_count for evaluation in evaluations),
        recipients=sum(evaluation.recipient_count for evaluation in evaluations),
        averages=[
            (statement, round(averages[name], 1) if averages[name] is not None else None)
            for name, statement in QUESTIONS
        ],
    )


def years_with_evaluations() -> list[int]:
    return sorted(
        {day.year for day in Evaluation.objects.values_list("consultation__date", flat=True)}, reverse=True
    )


def evaluation_for_consultation_id(*, consultation_id: int) -> Evaluation | None:
    return Evaluation.objects.select_related("consultation").filter(consultation_id=consultation_id).first()
