"""Reads for questions to the panel: who attends, the queue, the lists each audience sees."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from breakouts.selectors import in_the_room

from .models import PanelQuestion, QuestionQueue, QuestionStatus, QuestionSupport

# What participants see: approved questions, the one being answered, and those answered live.
SHOWN_TO_ROOM = (
    QuestionStatus.APPROVED,
    QuestionStatus.ANSWERING,
    QuestionStatus.ANSWERED,
    QuestionStatus.FOLLOW_UP,
)
MODERATION_ORDER = {
    QuestionStatus.ANSWERING: 0,
    QuestionStatus.PENDING: 1,
    QuestionStatus.APPROVED: 2,
    QuestionStatus.FOLLOW_UP: 3,
    QuestionStatus.ANSWERED: 4,
    QuestionStatus.HIDDEN: 5,
    QuestionStatus.MERGED: 6,
}


def queue_for(*, consultation) -> QuestionQueue | None:
    return QuestionQueue.objects.filter(consultation=consultation).first()


def queue_is_open(*, consultation) -> bool:
    queue = queue_for(consultation=consultation)
    return queue is not None and queue.is_open


def with_support_counts(questions: QuerySet, *, user=None) -> QuerySet:
    """`support_count`, and `supported` (by `user`) when one is given."""
    questions = questions.annotate(support_count=Count("supports", distinct=True))
    if user is not None and user.is_authenticated:
        mine = QuestionSupport.objects.filter(question=OuterRef("pk"), user=user)
        questions = questions.annotate(supported=Exists(mine))
    return questions


def room_questions(*, consultation, user=None) -> list[PanelQuestion]:
    """What the room sees: the one being answered first, then the approved by support, then those
    answered, then those the panel did not reach (answered in writing later). No names."""
    rows = with_support_counts(
        PanelQuestion.objects.filter(consultation=consultation, status__in=SHOWN_TO_ROOM), user=user
    ).order_by("-support_count", "created_at", "pk")
    rank = {
        QuestionStatus.ANSWERING: 0,
        QuestionStatus.APPROVED: 1,
        QuestionStatus.ANSWERED: 2,
        QuestionStatus.FOLLOW_UP: 3,
    }
    return sorted(rows, key=lambda row: rank[row.status])


def now_answering(*, consultation) -> PanelQuestion | None:
    return PanelQuestion.objects.filter(consultation=consultation, status=QuestionStatus.ANSWERING).first()


def moderation_queue(*, consultation) -> list[PanelQuestion]:
    """Every question, with who asked (staff only) and its support count, those to act on first."""
    rows = with_support_counts(
        PanelQuestion.objects.filter(consultation=consultation).select_related("asked_by", "merged_into")
    ).order_by("-support_count", "created_at", "pk")
    return sorted(rows, key=lambda row: MODERATION_ORDER[row.status])


def status_counts(*, consultation) -> dict[str, int]:
    rows = PanelQuestion.objects.filter(consultation=consultation).values("status").annotate(n=Count("pk"))
    counts = dict.fromkeys(QuestionStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def my_questions(*, user, consultation) -> list[PanelQuestion]:
    """The person's own questions, to see how each stands (their name is theirs to see)."""
    return list(
        PanelQuestion.objects.filter(consultation=consultation, asked_by=user).order_by("-created_at")
    )


def follow_up_questions(*, consultation) -> list[PanelQuestion]:
    """Questions the panel did not reach, answered in writing or still open: the minutes' section."""
    answered_later = Q(status=QuestionStatus.ANSWERED) & ~Q(answer="")
    return list(
        PanelQuestion.objects.filter(consultation=consultation)
        .filter(Q(status=QuestionStatus.FOLLOW_UP) | answered_later)
        .order_by("created_at", "pk")
    )


@dataclass(frozen=True)
class OpenQueue:
    consultation: object
    queue: QuestionQueue


def open_queues_for(*, user) -> list[OpenQueue]:
    """The open queues of the consultations this person takes part in (`in_the_room`), for *Mina sidor*."""
    queues = QuestionQueue.objects.filter(closed_at__isnull=True, consultation__live=True)
    queues = queues.filter(in_the_room(user)).select_related("consultation")
    return [OpenQueue(consultation=queue.consultation, queue=queue) for queue in queues]
