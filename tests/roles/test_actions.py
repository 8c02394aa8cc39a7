"""The actions on the organisers' screens: each works for an organiser, and is refused (a real 403,
nothing changed) to an approver and an editor, as real users of the migration's groups."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from breakouts.selectors import note_taking_is_open
from breakouts.services import note_taking_close, note_taking_open
from consultations.models import ConsultationPage
from corrections.models import CorrectionRound
from invitations.models import Invitation
from minutes.log_actions import MINUTES_COMPILE
from open_input.models import OpenInputPeriod
from records.models import ConsultationRecord
from tests.world import World
from working_groups.models import WorkingGroupMember

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    """One world for the module: each test runs in its own savepoint, so its changes go with it."""
    return shared_world


@dataclass(frozen=True)
class Action:
    name: str
    path: Callable[[World], str]
    data: Callable[[World], dict]
    done: Callable[[World], bool]  # the action's effect is there
    setup: Callable[[World], object] = lambda w: None  # what the action needs first

    def __str__(self):
        return self.name


def _url(pattern: str, arg: Callable[[World], object]) -> Callable[[World], str]:
    return lambda w: reverse(pattern, args=[arg(w)])


def _notes_taken(w: World) -> None:
    """Compiling needs notes taken and closed."""
    note_taking_open(consultation=w.held_consultation)
    note_taking_close(consultation=w.held_consultation)


def _invited(w: World) -> bool:
    return Invitation.objects.filter(consultation=w.other_consultation, organisation=w.organisation).exists()


def _in_working_group(w: World) -> bool:
    return WorkingGroupMember.objects.filter(consultation=w.draft, user=w.user("group_member")).exists()


def _period_intro(w: World) -> str:
    return OpenInputPeriod.objects.get(consultation=w.other_consultation).intro


ACTIONS = [
    Action(
        "close note-taking",
        _url("breakouts_admin:groups", lambda w: w.consultation.pk),
        lambda w: {"action": "close", "confirm": "1"},
        lambda w: not note_taking_is_open(consultation_id=w.consultation.pk),
    ),
    Action(
        "add organisations to the invitation list",
        _url("invitations_admin:build", lambda w: w.other_consultation.pk),
        lambda w: {"add_all": "1"},
        _invited,
    ),
    Action(
        "add a working group member",
        _url("working_groups_admin:member_add", lambda w: w.draft.pk),
        lambda w: {"email": w.user("group_member").email},
        _in_working_group,
    ),
    Action(
        "set the open input period",
        _url("open_input_admin:period", lambda w: w.other_consultation.pk),
        lambda w: {"opens_at": "2020-01-01T09:00", "closes_at": "2099-01-01T17:00", "intro": "Ny text."},
        lambda w: _period_intro(w) == "Ny text.",
    ),
    Action(
        "compile minutes",
        _url("minutes_admin:compile", lambda w: w.held_consultation.pk),
        lambda w: {"overwrite": "1"},
        lambda w: PageLogEntry.objects.filter(page=w.draft_minutes, action=MINUTES_COMPILE).exists(),
        setup=_notes_taken,
    ),
    Action(
        "close the corrections round",
        _url("corrections_admin:close", lambda w: w.draft_minutes.pk),
        lambda w: {},
        lambda w: not CorrectionRound.objects.get(minutes=w.draft_minutes).is_open(),
    ),
    Action(
        "set the registry number",
        _url("records_admin:registry_number", lambda w: w.consultation.pk),
        lambda w: {"registry_number": "Ku2025/01234"},
        lambda w: ConsultationRecord.objects.filter(
            consultation=w.consultation, registry_number="Ku2025/01234"
        ).exists(),
    ),
    Action(
        "duplicate as next consultation",
        _url("consultations_admin:duplicate", lambda w: w.consultation.pk),
        lambda w: {},
        lambda w: ConsultationPage.objects.filter(title__startswith=w.consultation.title).count() > 1,
    ),
]


@pytest.mark.parametrize("action", ACTIONS, ids=str)
def test_the_organiser_does_it(world, client_as, action: Action, django_capture_on_commit_callbacks):
    action.setup(world)
    assert not action.done(world)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("organiser").post(action.path(world), action.data(world))
    assert response.status_code == 302, response.content[:500]
    assert action.done(world)


@pytest.mark.parametrize("role", ["approver", "editor"])
@pytest.mark.parametrize("action", ACTIONS, ids=str)
def test_other_staff_are_refused(world, client_as, action: Action, role):
    action.setup(world)
    response = client_as(role).post(action.path(world), action.data(world))
    assert response.status_code == 403
    assert not action.done(world)
