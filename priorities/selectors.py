"""Reads of prioritisation rounds: the open one, the results, and who has voted (while it is open)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from breakouts.selectors import in_the_room, takeaways_for_consultation

from .models import MAX_OPTIONS, PriorityOption, PriorityRound, PriorityVoter


def wall_options(*, consultation) -> list[PriorityOption]:
    """The takeaways on the plenary wall now, in wall order (group, then point), as unsaved options
    of a round: a copy, since the notes may change after the round starts. Empty ones left out."""
    options = []
    for group, points in takeaways_for_consultation(consultation).items():
        for point in points:
            text = (point.text or "").strip()
            if text:
                options.append(
                    PriorityOption(
                        group_name=group.name,
                        question_number=point.question_number,
                        text=text,
                        point_id=str(point.point_id or "")[:64],
                        sort_order=len(options),
                    )
                )
    return options[:MAX_OPTIONS]


def round_open(*, consultation_id: int) -> PriorityRound | None:
    return PriorityRound.objects.filter(consultation_id=consultation_id, closed_at__isnull=True).first()


def round_latest(*, consultation_id: int) -> PriorityRound | None:
    """The open round, else the one closed last."""
    return PriorityRound.objects.filter(consultation_id=consultation_id).order_by("-opened_at", "-pk").first()


def round_last_closed(*, consultation_id: int) -> PriorityRound | None:
    return (
        PriorityRound.objects.filter(consultation_id=consultation_id, closed_at__isnull=False)
        .order_by("-closed_at", "-pk")
        .first()
    )


def rounds_of(*, consultation_id: int) -> QuerySet[PriorityRound]:
    return (
        PriorityRound.objects.filter(consultation_id=consultation_id)
        .select_related("opened_by", "closed_by")
        .prefetch_related("options")
    )


def round_options(*, round: PriorityRound) -> list[PriorityOption]:
    return list(PriorityOption.objects.filter(round=round).order_by("sort_order", "pk"))


def has_voted(*, round: PriorityRound, user) -> bool:
    return PriorityVoter.objects.filter(round=round, user=user).exists()


@dataclass(frozen=True)
class Results:
    """A round's counts for the wall's chart and table; each option's `share` is its bar, in per cent of
    the largest count."""

    round: PriorityRound
    options: list[PriorityOption]
    ranked: list[PriorityOption]  # most votes first; ties in wall order
    top: int


def round_results(*, round: PriorityRound) -> Results:
    options = round_options(round=round)
    ranked = sorted(options, key=lambda option: -option.votes)
    top = max((option.votes for option in options), default=0)
    for option in options:
        option.share = round_share(option.votes, top)
    return Results(round=round, options=options, ranked=ranked, top=top)


def round_share(votes: int, top: int) -> int:
    return round(100 * votes / top) if top else 0


def results_message(*, round: PriorityRound) -> dict:
    """What the wall's socket sends: counts only, by option id."""
    counts = PriorityOption.objects.filter(round=round).values_list("pk", "votes")
    return {
        "round": round.pk,
        "open": round.is_open,
        "ballots": round.ballots,
        "options": [{"id": pk, "votes": votes} for pk, votes in counts],
    }


def open_rounds_for_attendee(*, user) -> list[PriorityRound]:
    """The open rounds of the consultations `user` takes part in (`in_the_room`), each with `voted`.
    Two queries."""
    if not (user and user.is_authenticated and user.is_active):
        return []
    rounds = list(
        PriorityRound.objects.filter(closed_at__isnull=True)
        .filter(in_the_room(user))
        .select_related("consultation")
        .order_by("opened_at", "pk")
    )
    voted = set(PriorityVoter.objects.filter(user=user, round__in=rounds).values_list("round_id", flat=True))
    for round in rounds:
        round.voted = round.pk in voted
    return rounds
