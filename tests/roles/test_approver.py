"""The approver's job: find the minutes submitted for approval, read them (editor and preview), approve
or send them back. Nothing else: no page of their own to edit or publish, no screen of the day."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page, TaskState, WorkflowState

from minutes.services.workflow import minutes_workflow_assign
from tests.minutes.workflow_helpers import edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    """One world for the module: each test runs in its own savepoint, so its changes go with it."""
    return shared_world


@pytest.fixture
def submitted(world, client_as):
    """The draft minutes, submitted for approval by the organiser through the editor."""
    minutes = world.draft_minutes
    minutes_workflow_assign(page=minutes)
    edit = reverse("wagtailadmin_pages:edit", args=[minutes.pk])
    response = client_as("organiser").post(edit, {**edit_form(minutes), "action-submit": "1"})
    assert response.status_code == 302
    state = WorkflowState.objects.active().get(object_id=str(minutes.pk))
    return minutes, state.current_task_state


def _action(minutes, task_state, action: str) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=[minutes.pk, action, task_state.pk])


def test_finds_reads_and_approves(world, client_as, submitted):
    minutes, task_state = submitted
    client = client_as("approver")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert minutes.title in dashboard and reverse("wagtailadmin_pages:edit", args=[minutes.pk]) in dashboard
    assert client.get(reverse("wagtailadmin_pages:edit", args=[minutes.pk])).status_code == 200
    preview = reverse("wagtailadmin_pages:workflow_preview", args=[minutes.pk, task_state.task_id])
    assert client.get(preview).status_code == 200

    response = client.post(_action(minutes, task_state, "approve"), {"comment": ""})
    assert response.status_code == 302
    assert Page.objects.get(pk=minutes.pk).live


def test_sends_back_with_a_comment(world, client_as, submitted):
    minutes, task_state = submitted
    response = client_as("approver").post(_action(minutes, task_state, "reject"), {"comment": "Förkorta."})
    assert response.status_code == 302
    task_state = TaskState.objects.get(pk=task_state.pk)
    assert task_state.status == TaskState.STATUS_REJECTED and task_state.comment == "Förkorta."
    assert not Page.objects.get(pk=minutes.pk).live


@pytest.mark.parametrize("role", ["organiser", "editor"])
def test_no_one_else_approves(world, client_as, submitted, role):
    minutes, task_state = submitted
    client_as(role).post(_action(minutes, task_state, "approve"), {"comment": ""})
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=minutes.pk).live


def test_edits_and_publishes_nothing_outside_the_approval(world, client_as):
    """No page permission: minutes not submitted, and every other page, are out of reach."""
    client = client_as("approver")
    for page in (world.draft_minutes, world.minutes, world.consultation, world.standard_page):
        edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
        assert client.get(edit).status_code == 302, page
    data = {**edit_form(world.draft_minutes), "action-publish": "1"}
    client.post(reverse("wagtailadmin_pages:edit", args=[world.draft_minutes.pk]), data)
    assert not Page.objects.get(pk=world.draft_minutes.pk).live
