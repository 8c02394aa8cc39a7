"""The README's "Try the minutes" as written, with the demo's own organiser and approver accounts (not
the superuser, not test users): what `make run` seeds is what these steps find."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import WorkflowState

from accounts.models import User
from breakouts.models import BreakoutGroup
from breakouts.selectors import note_taking_is_open
from consultations.models import ConsultationPage
from minutes.models import MinutesPage
from minutes.services.workflow import WORKFLOW_NAME
from tests.utils import html


@pytest.fixture(scope="module")
def _seeded_once(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_seeded_once, db):
    today = timezone.localdate()
    return ConsultationPage.objects.filter(date=today, breakout_groups__isnull=False).distinct().get()


def _as(client, email):
    client.force_login(User.objects.get(email=email))
    return client


def test_the_organiser_runs_the_day_and_the_approver_publishes(demo, client, monkeypatch):
    organiser = _as(client, "organiser@example.org")
    # Pages → the consultation → ⋯ → Grupper
    edit = organiser.get(reverse("wagtailadmin_pages:edit", args=[demo.pk]))
    groups_url = reverse("breakouts_admin:groups", args=[demo.pk])
    assert edit.status_code == 200 and groups_url in edit.content.decode()
    screen = organiser.get(groups_url)
    assert screen.status_code == 200
    page = html(screen)
    assert demo.title in page.find("h1").get_text()
    links = {a["href"] for a in page.find_all("a", href=True)}
    assert reverse("breakouts:plenary", args=[demo.pk]) in links, "the wall is one click away"
    for group in BreakoutGroup.objects.filter(consultation=demo):
        assert reverse("breakouts:group", args=[group.pk]) in links
    # The wall and a group page open for the organiser.
    assert organiser.get(reverse("breakouts:plenary", args=[demo.pk])).status_code == 200

    # "tick the box to confirm, then Stäng anteckningarna"
    organiser.post(groups_url, {"action": "close"})
    assert note_taking_is_open(consultation_id=demo.pk), "not without the box"
    organiser.post(groups_url, {"action": "close", "confirm": "1"})
    assert not note_taking_is_open(consultation_id=demo.pk)

    # After the end time: ⋯ → Sammanställ minnesanteckningar
    after = timezone.make_aware(dt.datetime.combine(demo.date, demo.end_time)) + dt.timedelta(minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: after)
    compile_url = reverse("minutes_admin:compile", args=[demo.pk])
    assert compile_url in organiser.get(reverse("wagtailadmin_pages:edit", args=[demo.pk])).content.decode()
    assert organiser.post(compile_url, {"overwrite": "1"}).status_code == 302
    minutes = MinutesPage.objects.child_of(demo).get()
    assert not minutes.live

    # "Lämna in till Godkännande av minnesanteckningar", in Swedish
    draft = organiser.get(reverse("wagtailadmin_pages:edit", args=[minutes.pk]))
    assert f"Lämna in till {WORKFLOW_NAME}" in draft.content.decode()
    assert WORKFLOW_NAME == "Godkännande av minnesanteckningar", "as the README names it"

    # The organiser submits (the editor's button runs this); the approver takes it from there.
    submitter = User.objects.get(email="organiser@example.org")
    minutes.save_revision(user=submitter)
    minutes.get_workflow().start(minutes, submitter)
    client.logout()
    approver = _as(client, "approver@example.org")
    dashboard = approver.get(reverse("wagtailadmin_home")).content.decode()
    assert minutes.get_admin_display_title() in dashboard
    state = WorkflowState.objects.get(object_id=str(minutes.pk), status="in_progress")
    task_state = state.current_task_state
    response = approver.post(
        reverse("wagtailadmin_pages:workflow_action", args=[minutes.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    minutes.refresh_from_db()
    assert minutes.live, "approving publishes"
    client.logout()
    assert client.get(minutes.url).status_code == 200
