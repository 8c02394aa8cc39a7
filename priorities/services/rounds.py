"""Starting a round over the takeaways now on the wall, and closing it (which forgets who voted)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from ..log_actions import PRIORITY_ROUND_CLOSE, PRIORITY_ROUND_START
from ..models import MAX_VOTES, PriorityOption, PriorityRound, PriorityVoter
from ..permissions import can_run_rounds
from ..selectors import wall_options
from .broadcast import round_changed
from .errors import PriorityError, votes_per_person_error


@transaction.atomic
def priority_round_start(*, consultation, user, votes_per_person: int) -> PriorityRound:
    if not can_run_rounds(user=user, consultation=consultation):
        raise PermissionDenied
    if not 1 <= votes_per_person <= MAX_VOTES:
        raise PriorityError(votes_per_person_error(), code=PriorityError.BAD_VOTES)
    # One start at a time per consultation decides whether a round is already open.
    Page.objects.select_for_update().filter(pk=consultation.pk).first()
    if PriorityRound.objects.filter(consultation=consultation, closed_at__isnull=True).exists():
        raise PriorityError(
            _("A round is already open. Close it before starting another."), code=PriorityError.ALREADY_OPEN
        )
    options = wall_options(consultation=consultation)
    if not options:
        raise PriorityError(
            _("There are no takeaways on the wall yet, so there is nothing to prioritise."),
            code=PriorityError.NO_TAKEAWAYS,
        )
    try:
        with transaction.atomic():
            round = PriorityRound.objects.create(
                consultation=consultation,
                votes_per_person=votes_per_person,
                opened_at=timezone.now(),
                opened_by=user,
            )
    except IntegrityError:  # another start won the race past the lock (a database without row locks)
        raise PriorityError(
            _("A round is already open. Close it before starting another."), code=PriorityError.ALREADY_OPEN
        ) from None
    for option in options:
        option.round = round
    PriorityOption.objects.bulk_create(options)
    log(
        instance=consultation,
        action=PRIORITY_ROUND_START,
        user=user,
        data={"round": round.pk, "options": len(options), "votes_per_person": votes_per_person},
    )
    round_changed(consultation_id=consultation.pk)
    return round


@transaction.atomic
def priority_round_close(*, round: PriorityRound, user) -> PriorityRound:
    """Stops the voting and deletes the record of who voted: from now on only the counts remain."""
    round = PriorityRound.objects.select_for_update().select_related("consultation").get(pk=round.pk)
    if not can_run_rounds(user=user, consultation=round.consultation):
        raise PermissionDenied
    if not round.is_open:
        raise PriorityError(_("This round is already closed."), code=PriorityError.CLOSED)
    round.closed_at = timezone.now()
    round.closed_by = user
    round.save(update_fields=["closed_at", "closed_by"])
    PriorityVoter.objects.filter(round=round).delete()
    log(
        instance=round.consultation,
        action=PRIORITY_ROUND_CLOSE,
        user=user,
        data={"round": round.pk, "ballots": round.ballots},
    )
    round_changed(consultation_id=round.consultation_id)
    return round
