"""Questions to the panel in the demo: the 2024 consultation's, closed (some answered in the room,
two the panel did not reach, one of them answered in writing since), and an open queue today on
the live consultation. Made only where the consultation has no queue yet: a second run, or one on
a later day, leaves them (and what the demo users did with them) as they are. Written directly: a
seed mails no one and moderates nothing, it only sets the scene."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from accounts.models import User
from panel_questions.models import PanelQuestion, QuestionQueue, QuestionStatus, QuestionSupport

S = QuestionStatus
PAST_QUESTIONS = [
    (
        S.ANSWERED,
        "Hur ska regeringen se till att föreningar som arbetar med unga får långsiktiga bidrag?",
        "",
    ),
    (S.ANSWERED, "Vilken roll får kommunerna i den nationella samordningen av det förebyggande arbetet?", ""),
    (S.HIDDEN, "Kan vi ta detta efteråt i korridoren?", ""),
    (
        S.ANSWERED,
        "När kommer den nationella samordnarens kartläggning att publiceras?",
        "Kartläggningen lämnas till regeringen i slutet av året och publiceras då på regeringens webbplats. "
        "Alla organisationer som deltog i sakrådet får en länk.",
    ),
    (S.FOLLOW_UP, "Hur kan små föreningar utan anställda delta i remissarbetet?", ""),
]
LIVE_QUESTIONS = [
    (S.APPROVED, "Hur når vi unga som inte är med i någon förening?", 4),
    (S.APPROVED, "Kommer sakrådets medskick att följas upp nästa år?", 2),
    (S.APPROVED, "Vilka goda exempel från kommunerna lyfts fram i samordnarens arbete?", 0),
    (S.PENDING, "Finns det pengar för att översätta material till lättläst svenska?", 0),
]


def _people() -> list[User]:
    return list(User.objects.filter(email__startswith="deltagare").order_by("pk"))


def panel_questions_ensure(*, past, live_page, tally) -> None:
    people = _people()
    if not people:
        return
    _past(consultation=past, people=people, tally=tally)
    _live(consultation=live_page, people=people, tally=tally)


def _past(*, consultation, people, tally) -> None:
    held = timezone.make_aware(dt.datetime.combine(consultation.date, dt.time(11, 0)))
    queue, created = QuestionQueue.objects.get_or_create(
        consultation=consultation, defaults={"opened_at": held, "closed_at": held + dt.timedelta(hours=1)}
    )
    tally.record("panel question queue", created=created)
    if not created:
        return
    for number, (status, text, answer) in enumerate(PAST_QUESTIONS):
        written = bool(answer)
        PanelQuestion.objects.create(
            consultation=consultation,
            text=text,
            status=status,
            asked_by=people[number % len(people)],
            created_at=held + dt.timedelta(minutes=number),
            answered_at=held + dt.timedelta(days=60 if written else 0, minutes=30)
            if status == S.ANSWERED
            else None,
            answer=answer,
            answer_date=consultation.date + dt.timedelta(days=60) if written else None,
        )
        tally.record("panel question", created=True, label=text[:40])


def _live(*, consultation, people, tally) -> None:
    queue, created = QuestionQueue.objects.get_or_create(consultation=consultation)
    tally.record("panel question queue", created=created)
    if not created:
        return
    for number, (status, text, supports) in enumerate(LIVE_QUESTIONS):
        asker = people[(number + 3) % len(people)]
        question = PanelQuestion.objects.create(
            consultation=consultation, text=text, status=status, asked_by=asker
        )
        supporters = [person for person in people if person != asker][:supports]
        QuestionSupport.objects.bulk_create([QuestionSupport(question=question, user=p) for p in supporters])
        tally.record("panel question", created=True, label=text[:40])
