"""The attendees' evaluations in the demo: the 2024 consultation's, closed, with a realistic spread of
answers and a few comments (our own words); and today's, sent and still open, with two answers so far
(below the three the results need) and unused links for everyone else.

Written straight to the tables: the services send only through the outbox and only forward in time,
while the 2024 evaluation closed long ago. Left as it is when it exists."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from evaluations.models import Evaluation, EvaluationAnswer, EvaluationLink
from evaluations.selectors import attendees_for_evaluation
from invitations.tokens import token_new
from sakrad.links import absolute_url

# (could say, material in time, material accessible, would return, comment); None is "don't know".
ANSWERS_2024 = [
    (5, 4, 4, 5, "Gruppsamtalen var det bästa med dagen. Ge dem gärna mer tid nästa gång."),
    (4, 2, 3, 5, "Underlaget kom bara två dagar före mötet, för sent för att förankra det i styrelsen."),
    (4, 3, 2, 4, "Presentationerna gick inte att läsa med skärmläsare. Skicka dem som text också."),
    (3, 2, 4, 4, ""),
    (5, 4, 5, 5, "Tack! Kom gärna ut i regionerna också, inte bara i Stockholm."),
    (4, 3, 4, 5, ""),
    (2, 3, 4, 3, "Jag hann inte säga det viktigaste i plenum, men det kom med i gruppens anteckningar."),
    (4, 4, None, 5, ""),
    (5, 2, 3, 5, ""),
    (4, 3, 4, 4, ""),
    (3, 4, 4, None, ""),
    (4, 1, 2, 4, "Inbjudan och frågorna borde komma samtidigt."),
    (5, 3, 4, 5, ""),
    (4, 4, 4, 5, ""),
    (3, 3, None, 4, ""),
    (4, 2, 4, 5, ""),
    (5, 4, 4, 5, ""),
    (4, 3, 3, 4, ""),
    (2, 2, 3, 3, "Samma organisationer som alltid. Bjud in fler unga."),
    (4, 4, 5, 5, ""),
    (5, 3, 4, 5, ""),
]
RECIPIENTS_2024 = 34
ANSWERS_TODAY = [
    (4, 3, 4, 5, "Bra att få frågorna på mobilen under plenum."),
    (3, None, 4, 4, ""),
]


def _answers_create(evaluation, rows) -> None:
    EvaluationAnswer.objects.bulk_create(
        EvaluationAnswer(
            evaluation=evaluation,
            could_say=could_say,
            material_in_time=in_time,
            material_accessible=accessible,
            would_return=again,
            comment=comment,
        )
        for could_say, in_time, accessible, again, comment in rows
    )


def evaluations_ensure(*, past, live_page, today: dt.date, tally) -> None:
    _closed_ensure(consultation=past, tally=tally)
    _open_ensure(consultation=live_page, today=today, tally=tally)


def _closed_ensure(*, consultation, tally) -> None:
    if Evaluation.objects.filter(consultation=consultation).exists():
        tally.record("evaluation", created=False)
        return
    held = timezone.make_aware(dt.datetime.combine(consultation.date, dt.time(17, 0)))
    evaluation = Evaluation.objects.create(
        consultation=consultation,
        sent_at=held + dt.timedelta(days=1),
        closes_at=held + dt.timedelta(days=21),
        reminded_at=held + dt.timedelta(days=10),
        recipient_count=RECIPIENTS_2024,
    )
    _answers_create(evaluation, ANSWERS_2024)
    tally.record("evaluation", created=True, label=f"{consultation.title} ({len(ANSWERS_2024)} answers)")


def _open_ensure(*, consultation, today: dt.date, tally) -> None:
    if Evaluation.objects.filter(consultation=consultation).exists():
        tally.record("evaluation", created=False)
        return
    attendees = list(attendees_for_evaluation(consultation=consultation))
    closes = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=15), dt.time.min))
    evaluation = Evaluation.objects.create(
        consultation=consultation, closes_at=closes, recipient_count=len(attendees)
    )
    _answers_create(evaluation, ANSWERS_TODAY)
    # The first attendees answered; the others hold links. Each token is known only here: the demo's
    # output shows one, so the form can be tried.
    for number, attendee in enumerate(attendees[len(ANSWERS_TODAY) :]):
        token, digest = token_new()
        EvaluationLink.objects.create(evaluation=evaluation, attendee=attendee, token_hash=digest)
        if number == 0:
            url = absolute_url(reverse("evaluations:answer", args=[consultation.pk, token]))
            tally.record("evaluation link", created=True, label=f"{attendee.name}: {url}")
    tally.record("evaluation", created=True, label=f"{consultation.title} (open)")
