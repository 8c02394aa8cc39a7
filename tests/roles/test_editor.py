"""The editor's job: edit the texts of pages, published ones included, and publish the change; edit a
minutes draft and submit it for approval, never publish minutes. Nothing of running a consultation."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from home.models import StandardPage
from minutes.models import MinutesPage
from minutes.services.workflow import minutes_workflow_assign
from notes.access import notes_access
from tests.minutes.workflow_helpers import edit_form
from tests.roles.forms import standard_page_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(shared_world):
    """One world for the module: each test runs in its own savepoint, so its changes go with it."""
    return shared_world


def _edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.mark.parametrize("role", ["editor", "organiser"])
def test_edits_a_published_page_and_publishes_the_change(world, client_as, role):
    page = world.standard_page
    data = {**standard_page_form(page, introduction="Rättad text."), "action-publish": "1"}
    response = client_as(role).post(_edit_url(page), data)
    assert response.status_code == 302, response.content[:1000]
    live = StandardPage.objects.get(pk=page.pk)
    assert live.live and live.introduction == "Rättad text."


def test_edits_a_minutes_draft_and_submits_it_but_never_publishes_minutes(world, client_as):
    minutes = world.draft_minutes
    minutes_workflow_assign(page=minutes)
    client = client_as("editor")
    edit = client.get(_edit_url(minutes)).content.decode()
    assert 'name="action-publish"' not in edit and 'name="action-submit"' in edit

    response = client.post(_edit_url(minutes), edit_form(minutes, summary="Språkgranskad."))
    assert response.status_code == 302
    assert MinutesPage.objects.get(pk=minutes.pk).get_latest_revision_as_object().summary == "Språkgranskad."

    refused = client.post(_edit_url(minutes), {**edit_form(minutes), "action-publish": "1"})
    assert refused.status_code == 403
    assert not Page.objects.get(pk=minutes.pk).live

    submitted = client.post(_edit_url(minutes), {**edit_form(minutes), "action-submit": "1"})
    assert submitted.status_code == 302
    assert WorkflowState.objects.active().filter(object_id=str(minutes.pk)).exists()


def test_adds_no_page(world, client_as):
    add = reverse("wagtailadmin_pages:add", args=["home", "standardpage", world.home.pk])
    assert client_as("editor").get(add).status_code == 302
    assert client_as("organiser").get(add).status_code == 200


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_stays_out_of_the_groups_live_notes(world, staff, role):
    access = notes_access(user_id=staff[role].pk, group_id=world.breakout_group.pk)
    assert not access.view and not access.edit
    organiser = notes_access(user_id=staff["organiser"].pk, group_id=world.breakout_group.pk)
    assert organiser.view and organiser.edit
