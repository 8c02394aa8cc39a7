"""Approving minutes: an organiser submits, an approver approves (publishing now or at the scheduled
time) or sends them back with a comment; organisers never publish minutes themselves; the page
history names who did what."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, Workflow, WorkflowState

from minutes.services.workflow import WORKFLOW_NAME, minutes_workflow_ensure
from staff_roles.groups import APPROVAL_TASK
from tests.minutes.workflow_helpers import draft_minutes, edit_form, held_consultation, live_page, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(index):
    return staff()


@pytest.fixture
def minutes(index, people):
    return draft_minutes(held_consultation(index))


def _submit(client, user, page, **changes):
    client.force_login(user)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", {**edit_form(page, **changes), "action-submit": "1"}
    )
    assert response.status_code == 302, response.content[:2000]
    return WorkflowState.objects.active().get(object_id=str(page.pk))


def _act(state, user, action, comment=""):
    task_state = state.current_task_state.specific
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    state.refresh_from_db()
    return state


def test_the_workflow_exists_once_with_one_task_for_the_approvers(index):
    minutes_workflow_ensure()
    minutes_workflow_ensure()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    tasks = [task.specific for task in workflow.tasks]
    assert [task.name for task in tasks] == [APPROVAL_TASK]
    assert [group.name for group in tasks[0].groups.all()] == ["Approvers"]


def test_new_minutes_are_under_the_workflow(minutes):
    assert minutes.get_workflow().name == WORKFLOW_NAME


def test_submitted_then_approved_goes_live(client, minutes, people):
    organiser, approver = people
    state = _submit(client, organiser, minutes, summary="Ny sammanfattning.")
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not live_page(minutes).live, "submitting does not publish"

    state = _act(state, approver, "approve")
    assert state.status == WorkflowState.STATUS_APPROVED
    page = live_page(minutes).specific
    assert page.live
    assert page.summary == "Ny sammanfattning."


def test_approver_requests_changes_with_a_comment(client, minutes, people):
    organiser, approver = people
    state = _submit(client, organiser, minutes)
    state = _act(state, approver, "reject", comment="Ta bort organisationsnamnet i fråga 2.")
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not live_page(minutes).live
    task_state = TaskState.objects.get(workflow_state=state)
    assert task_state.status == TaskState.STATUS_REJECTED
    assert task_state.comment == "Ta bort organisationsnamnet i fråga 2."
    assert task_state.finished_by == approver
    entry = PageLogEntry.objects.get(page=minutes, action="wagtail.workflow.reject")
    assert entry.user == approver


def test_approval_with_a_go_live_time_publishes_when_it_comes(client, minutes, people, freeze_now):
    organiser, approver = people
    start = freeze_now(timezone.now())
    go_live = (start + dt.timedelta(days=2)).replace(microsecond=0)
    state = _submit(
        client, organiser, minutes, go_live_at=timezone.localtime(go_live).strftime("%Y-%m-%d %H:%M")
    )
    _act(state, approver, "approve")

    page = live_page(minutes)
    assert not page.live, "scheduled, not published yet"
    assert page.get_latest_revision().approved_go_live_at is not None
    call_command("publish_scheduled")
    assert not live_page(minutes).live, "the time has not come"

    freeze_now(go_live + dt.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert live_page(minutes).live


def test_history_names_who_did_what(client, minutes, people):
    organiser, approver = people
    state = _submit(client, organiser, minutes)
    _act(state, approver, "approve", comment="Bra, publicera.")
    entries = {entry.action: entry.user for entry in PageLogEntry.objects.filter(page=minutes)}
    assert entries["wagtail.workflow.start"] == organiser
    assert entries["wagtail.workflow.approve"] == approver
    assert entries["wagtail.publish"] == approver


def test_an_organiser_cannot_publish_minutes_directly(client, minutes, people):
    organiser, _ = people
    client.force_login(organiser)
    response = client.get(f"/admin/pages/{minutes.pk}/edit/")
    assert response.status_code == 200
    assert b'name="action-publish"' not in response.content
    assert b'name="action-submit"' in response.content

    response = client.post(f"/admin/pages/{minutes.pk}/edit/", {**edit_form(minutes), "action-publish": "1"})
    assert response.status_code == 403
    assert not live_page(minutes).live


def test_an_approver_publishes_minutes_only_by_approving_them(client, minutes, people):
    """Approvers hold no page permission (docs/roles.md): the approval task opens the submitted draft to
    them, and approving it publishes; a draft nobody submitted is out of their reach."""
    organiser, approver = people
    client.force_login(approver)
    assert client.get(f"/admin/pages/{minutes.pk}/edit/").status_code == 302
    client.post(f"/admin/pages/{minutes.pk}/edit/", {**edit_form(minutes), "action-publish": "1"})
    assert not live_page(minutes).live

    state = _submit(client, organiser, minutes)
    client.force_login(approver)
    response = client.get(f"/admin/pages/{minutes.pk}/edit/")
    assert response.status_code == 200
    approve = f"/admin/pages/workflow/action/{minutes.pk}/approve/{state.current_task_state.pk}/"
    response = client.post(approve, {"comment": ""})
    assert response.status_code == 302
    assert live_page(minutes).live


def test_organisers_still_publish_consultations(client, index, people):
    organiser, _ = people
    consultation = held_consultation(index)
    client.force_login(organiser)
    assert b'name="action-publish"' in client.get(f"/admin/pages/{consultation.pk}/edit/").content
