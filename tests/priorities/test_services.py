"""Starting, voting and closing, as the services see them: what is stored, and every refusal."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageLogEntry

from breakouts.models import NotePoint
from priorities.log_actions import PRIORITY_ROUND_CLOSE, PRIORITY_ROUND_START
from priorities.models import PriorityOption, PriorityRound, PriorityVoter
from priorities.services import (
    PriorityError,
    priority_ballot_cast,
    priority_round_close,
    priority_round_start,
)
from tests.factories import ConsultationPageFactory


def options(round):
    return list(round.options.order_by("sort_order"))


def test_a_round_snapshots_the_takeaways_on_the_wall_in_wall_order(day):
    for point in NotePoint.objects.all():
        point.point_id = f"p-{point.pk}"
        point.save(update_fields=["point_id"])
    round = day.start()
    first, second = day.held.groups
    assert [(o.group_name, o.question_number, o.text) for o in options(round)] == [
        (first.name, 1, "Fler mötesplatser på kvällstid"),
        (first.name, 2, "Fleråriga bidrag"),
        (second.name, 2, "Enklare ansökningar"),
    ]
    assert [o.point_id for o in options(round)] == [
        f"p-{NotePoint.objects.get(text=o.text).pk}" for o in options(round)
    ]
    assert round.votes_per_person == 3 and round.is_open
    entry = PageLogEntry.objects.get(action=PRIORITY_ROUND_START)
    assert entry.page_id == day.consultation.pk and entry.user_id == day.organiser.pk
    assert entry.data == {"round": round.pk, "options": 3, "votes_per_person": 3}


def test_one_open_round_per_consultation(day):
    day.start()
    with pytest.raises(PriorityError) as error:
        day.start()
    assert error.value.code == PriorityError.ALREADY_OPEN
    assert PriorityRound.objects.count() == 1


@pytest.mark.parametrize("votes", [0, -1, 11])
def test_votes_per_person_is_between_one_and_ten(day, votes):
    with pytest.raises(PriorityError) as error:
        day.start(votes=votes)
    assert error.value.code == PriorityError.BAD_VOTES
    assert not PriorityRound.objects.exists()


def test_no_round_without_takeaways(day):
    NotePoint.objects.update(takeaway=False)  # points only: nothing on the wall
    with pytest.raises(PriorityError) as error:
        day.start()
    assert error.value.code == PriorityError.NO_TAKEAWAYS
    assert not PriorityRound.objects.exists()


@pytest.mark.parametrize("who", ["approver", "remote", "stranger"])
def test_only_those_who_run_the_plenary_start_and_close(day, who):
    with pytest.raises(PermissionDenied):
        priority_round_start(consultation=day.consultation, user=getattr(day, who), votes_per_person=3)
    round = day.start()
    with pytest.raises(PermissionDenied):
        priority_round_close(round=round, user=getattr(day, who))
    assert PriorityRound.objects.get().is_open


def test_each_attendee_votes_once_and_only_counts_are_added(day):
    round = day.start()
    a, b, c = options(round)
    priority_ballot_cast(round=round, user=day.held.members[0], option_ids=[a.pk, c.pk])
    priority_ballot_cast(round=round, user=day.remote, option_ids=[c.pk])
    priority_ballot_cast(round=round, user=day.member_only, option_ids=[a.pk, b.pk, c.pk])
    assert [o.votes for o in options(round)] == [2, 1, 3]
    assert PriorityRound.objects.get().ballots == 3
    with pytest.raises(PriorityError) as error:
        priority_ballot_cast(round=round, user=day.remote, option_ids=[a.pk])
    assert error.value.code == PriorityError.ALREADY_VOTED
    assert "already voted" in error.value.messages[0]
    assert [o.votes for o in options(round)] == [2, 1, 3]


@pytest.mark.parametrize(
    ("choice", "code"),
    [
        (lambda a, b, c, other: [], PriorityError.NO_CHOICE),
        (lambda a, b, c, other: [a, a], PriorityError.TOO_MANY),
        (lambda a, b, c, other: [a, b, c, 0], PriorityError.TOO_MANY),
        (lambda a, b, c, other: [a, other], PriorityError.UNKNOWN_OPTION),
        (lambda a, b, c, other: [a, 10**17], PriorityError.UNKNOWN_OPTION),
    ],
)
def test_a_bad_ballot_is_refused_whole(day, index, choice, code):
    round = day.start()
    elsewhere = ConsultationPageFactory(parent=index, title="Ett annat sakråd")
    other_round = PriorityRound.objects.create(consultation=elsewhere, opened_at=round.opened_at)
    other = PriorityOption.objects.create(round=other_round, group_name="X", text="Annat", sort_order=0)
    a, b, c = (option.pk for option in options(round))
    with pytest.raises(PriorityError) as error:
        priority_ballot_cast(round=round, user=day.remote, option_ids=choice(a, b, c, other.pk))
    assert error.value.code == code
    assert sum(option.votes for option in PriorityOption.objects.all()) == 0
    assert not PriorityVoter.objects.exists()
    assert PriorityRound.objects.get(pk=round.pk).ballots == 0


@pytest.mark.parametrize("who", ["stranger", "declined", "organiser"])
def test_only_attendees_vote(day, who):
    round = day.start()
    with pytest.raises(PriorityError) as error:
        priority_ballot_cast(round=round, user=getattr(day, who), option_ids=[options(round)[0].pk])
    assert error.value.code == PriorityError.NOT_ATTENDEE
    assert not PriorityVoter.objects.exists()


def test_closing_keeps_the_counts_forgets_the_voters_and_refuses_late_ballots(day):
    round = day.start(votes=1)
    first = options(round)[0]
    priority_ballot_cast(round=round, user=day.remote, option_ids=[first.pk])
    assert PriorityVoter.objects.filter(round=round).count() == 1
    priority_round_close(round=round, user=day.organiser)
    assert not PriorityVoter.objects.exists()
    round.refresh_from_db()
    assert not round.is_open and round.closed_by == day.organiser and round.ballots == 1
    assert options(round)[0].votes == 1
    entry = PageLogEntry.objects.get(action=PRIORITY_ROUND_CLOSE)
    assert entry.data == {"round": round.pk, "ballots": 1}
    with pytest.raises(PriorityError) as error:
        priority_ballot_cast(round=round, user=day.member_only, option_ids=[first.pk])
    assert error.value.code == PriorityError.CLOSED
    with pytest.raises(PriorityError):
        priority_round_close(round=round, user=day.organiser)
    # A new round may start once the last has closed.
    assert day.start().is_open


def test_a_ballot_costs_the_same_queries_however_many_it_names(day):
    round = day.start()
    a, b, c = options(round)
    with CaptureQueriesContext(connection) as one:
        priority_ballot_cast(round=round, user=day.remote, option_ids=[a.pk])
    with CaptureQueriesContext(connection) as three:
        priority_ballot_cast(round=round, user=day.held.members[0], option_ids=[a.pk, b.pk, c.pk])
    assert len(one) == len(three) <= 12
