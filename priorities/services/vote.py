"""Casting a ballot: up to the round's number of votes, one each on different takeaways.

What is stored: one added to each chosen option's count, and a row saying this person has voted in
this round (without what they chose), so a second ballot is refused. Nothing else: no time, no log line.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import PriorityOption, PriorityRound, PriorityVoter
from ..permissions import can_vote
from .broadcast import round_changed
from .errors import PriorityError


def _check_choice(round: PriorityRound, option_ids: list[int]) -> set[int]:
    chosen = set(option_ids)
    if len(chosen) != len(option_ids):
        raise PriorityError(
            _("Each takeaway can get one vote from you. Choose different takeaways."),
            code=PriorityError.TOO_MANY,
        )
    if not chosen:
        raise PriorityError(_("Choose at least one takeaway."), code=PriorityError.NO_CHOICE)
    if len(chosen) > round.votes_per_person:
        raise PriorityError(
            ngettext(
                "You have %(count)s vote: choose at most %(count)s takeaway.",
                "You have %(count)s votes: choose at most %(count)s takeaways.",
                round.votes_per_person,
            )
            % {"count": round.votes_per_person},
            code=PriorityError.TOO_MANY,
        )
    return chosen


@transaction.atomic
def priority_ballot_cast(*, round: PriorityRound, user, option_ids: list[int]) -> None:
    """Refuses the whole ballot on anything amiss; counts it whole otherwise."""
    # The lock orders ballots against closing: none is counted once the round has closed.
    round = PriorityRound.objects.select_for_update().select_related("consultation").get(pk=round.pk)
    if not can_vote(user=user, consultation=round.consultation):
        raise PriorityError(
            _("Only those taking part in the consultation can vote."), code=PriorityError.NOT_ATTENDEE
        )
    if not round.is_open:
        raise PriorityError(
            _("This round has closed: your votes were not counted."), code=PriorityError.CLOSED
        )
    chosen = _check_choice(round, option_ids)
    if PriorityOption.objects.filter(round=round, pk__in=chosen).count() != len(chosen):
        raise PriorityError(
            _("Some of your choices are not in this round. Reload the page and choose again."),
            code=PriorityError.UNKNOWN_OPTION,
        )
    try:
        with transaction.atomic():
            PriorityVoter.objects.create(round=round, user=user)
    except IntegrityError:
        raise PriorityError(
            _("You have already voted in this round. Each person votes once."),
            code=PriorityError.ALREADY_VOTED,
        ) from None
    PriorityOption.objects.filter(round=round, pk__in=chosen).update(votes=F("votes") + 1)
    PriorityRound.objects.filter(pk=round.pk).update(ballots=F("ballots") + 1)
    round_changed(consultation_id=round.consultation_id)
