"""Reads for the review page, the staff screen and the participant's own page; each a fixed number of
queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone

from invitations.models import Attendee

from .models import CorrectionRound, CorrectionSuggestion, SuggestionStatus
from .passages import Passage, draft_passages
from .permissions import attending


def round_latest(*, minutes_id: int) -> CorrectionRound | None:
    """The minutes' most recent review window, open or not. One query."""
    return CorrectionRound.objects.filter(minutes_id=minutes_id).order_by("-opened_at", "-pk").first()


def review_recipients(*, consultation) -> list[Attendee]:
    """Who is asked to check the draft: the attendees with an account, one row per person. One query."""
    rows = attending(Attendee.objects.filter(consultation=consultation)).order_by("pk")
    return list(rows)


def suggestions_of_author(*, round: CorrectionRound, user) -> list[CorrectionSuggestion]:
    """The user's own suggestions in this round, never anyone else's. One query."""
    return list(CorrectionSuggestion.objects.filter(round=round, author=user).order_by("created_at", "pk"))


def suggestions_by_passage(*, round: CorrectionRound) -> dict[str, list[CorrectionSuggestion]]:
    """All of a round's suggestions, passage key -> suggestions in the order they came. One query."""
    grouped = defaultdict(list)
    rows = CorrectionSuggestion.objects.filter(round=round).select_related("author", "decided_by")
    for suggestion in rows.order_by("created_at", "pk"):
        grouped[suggestion.passage_key].append(suggestion)
    return dict(grouped)


def pending_count(*, minutes_id: int) -> int:
    return CorrectionSuggestion.objects.filter(
        round__minutes_id=minutes_id, status=SuggestionStatus.PENDING
    ).count()


def rounds_for_attendee(*, user) -> list[CorrectionRound]:
    """Open reviews of draft minutes of consultations the user attended ("Minutes to check" on their
    own page), earliest deadline first. One query."""
    if not (user and user.is_authenticated and user.is_active):
        return []
    consultations = attending(Attendee.objects.filter(user=user)).values("consultation_id")
    rows = CorrectionRound.objects.filter(
        consultation_id__in=consultations,
        closed_early_at__isnull=True,
        deadline__gt=timezone.now(),
        minutes__live=False,
    )
    return list(rows.select_related("minutes", "consultation").order_by("deadline", "pk"))


def round_for_review(*, minutes_id: int) -> CorrectionRound | None:
    """The latest review of the minutes, with the minutes and the consultation. One query."""
    rows = CorrectionRound.objects.filter(minutes_id=minutes_id).select_related("minutes", "consultation")
    return rows.order_by("-opened_at", "-pk").first()


@dataclass
class Review:
    round: CorrectionRound
    draft: object  # the MinutesPage as its latest revision has it
    passages: list[Passage]
    is_open: bool
    published: bool


def review_of(*, round: CorrectionRound) -> Review:
    """What the review page shows: the latest draft (not the live page) and its passages. One query."""
    minutes = round.minutes
    draft = minutes.get_latest_revision_as_object()
    return Review(
        round=round,
        draft=draft,
        passages=draft_passages(draft),
        is_open=round.is_open() and not minutes.live,
        published=minutes.live,
    )


@dataclass
class PassageSuggestions:
    label: str
    current_html: str  # "" when the passage is no longer in the draft
    suggestions: list[CorrectionSuggestion]


def suggestions_for_staff(*, round: CorrectionRound, draft) -> list[PassageSuggestions]:
    """The round's suggestions grouped by passage, in the draft's order; passages gone from the draft
    last. One query (the draft is already loaded)."""
    grouped = suggestions_by_passage(round=round)
    result = []
    for passage in draft_passages(draft):
        if passage.key in grouped:
            result.append(PassageSuggestions(passage.label, passage.html, grouped.pop(passage.key)))
    for rows in grouped.values():
        result.append(PassageSuggestions(rows[0].passage_label, "", rows))
    return result
