"""Prioritising in the demo: the 2024 consultation's round, closed (its counts beside the takeaways
of its published minutes), and a round open today on the live consultation over the takeaways on its
wall, where a few colleagues have voted already and the demo participants still may.

Made only where the consultation has no round yet: a second run, or one on a later day, leaves the
rounds (and what the demo users did in them) as they are. Written directly, as panel_questions.py
is: a seed sets the scene, it does not run the plenary."""

from __future__ import annotations

import datetime as dt

from django.db.models import F
from django.utils import timezone

from invitations.models import Attendee
from minutes.models import Takeaway
from priorities.models import PriorityOption, PriorityRound, PriorityVoter
from priorities.selectors import wall_options

from .content.accounts import PARTICIPANTS

# Votes of the 2024 plenary, in the minutes' order of takeaways (three votes each, 23 people voting).
PAST_VOTES = [14, 6, 11, 3, 9, 5, 12, 2, 7]
PAST_BALLOTS = 23


def priorities_ensure(*, past, past_minutes, live_page, tally) -> None:
    _past(consultation=past, minutes=past_minutes, tally=tally)
    _live(consultation=live_page, tally=tally)


def _past(*, consultation, minutes, tally) -> None:
    if PriorityRound.objects.filter(consultation=consultation).exists():
        tally.record("prioritisation round", created=False)
        return
    held = timezone.make_aware(dt.datetime.combine(consultation.date, dt.time(14, 30)))
    round = PriorityRound.objects.create(
        consultation=consultation,
        opened_at=held,
        closed_at=held + dt.timedelta(minutes=12),
        ballots=PAST_BALLOTS,
    )
    takeaways = list(Takeaway.objects.filter(page=minutes).order_by("sort_order", "pk"))
    for position, takeaway in enumerate(takeaways):
        votes = PAST_VOTES[position % len(PAST_VOTES)]
        PriorityOption.objects.create(
            round=round,
            question_number=takeaway.question_number,
            text=takeaway.text,
            sort_order=position,
            votes=votes,
        )
        # The published rows: the minutes were compiled before rounds existed, so the counts are set
        # on them as compiling would have (priorities/minutes.py).
        Takeaway.objects.filter(pk=takeaway.pk).update(plenary_votes=votes)
    tally.record("prioritisation round", created=True, label=f"{consultation.title} (closed)")


def _live(*, consultation, tally) -> None:
    if PriorityRound.objects.filter(consultation=consultation).exists():
        tally.record("prioritisation round", created=False)
        return
    options = wall_options(consultation=consultation)
    if not options:
        return  # no takeaways on the wall (the demo users emptied the notes): nothing to prioritise
    round = PriorityRound.objects.create(
        consultation=consultation, opened_at=timezone.now() - dt.timedelta(minutes=3)
    )
    for option in options:
        option.round = round
    PriorityOption.objects.bulk_create(options)
    # Colleagues without a demo login have voted; the demo participants' ballots are theirs to cast.
    demo_logins = {email for email, *_rest in PARTICIPANTS}
    attendees = Attendee.objects.filter(consultation=consultation, user__isnull=False).select_related("user")
    voters = [attendee.user for attendee in attendees if attendee.user.email not in demo_logins][:4]
    chosen = [option.pk for option in round.options.order_by("sort_order")][:2]
    for user in voters:
        PriorityVoter.objects.create(round=round, user=user)
    PriorityOption.objects.filter(pk__in=chosen).update(votes=F("votes") + len(voters))
    PriorityRound.objects.filter(pk=round.pk).update(ballots=len(voters))
    tally.record("prioritisation round", created=True, label=f"{consultation.title} (open)")
