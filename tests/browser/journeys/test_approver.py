"""The approver's day, in Chromium, in Swedish, as the approver (issue 16), never the superuser.

Greta, head of unit, is made as the demo makes her (demo/accounts.py, demo/content/accounts.py: the
Approvers group of migration staff_roles 0001, nothing added). An organiser has compiled the minutes of
a consultation held today and submitted them for approval (through the models here: the organiser's
side has a journey of its own). Greta logs in to the admin, finds the minutes waiting on her dashboard,
reads them, sends them back once with a comment; the organiser corrects and resubmits; she approves,
and the published minutes are on the public site. The groups screen of the day is not hers: 403.

Screenshots of each step, at desktop and phone width: test-results/journeys/approver/.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState

from consultations.models import ConsultationPage
from demo.accounts import ensure_groups, ensure_user
from demo.content.accounts import STAFF
from demo.tally import Tally
from minutes.models import MinutesPage
from staff_roles.groups import APPROVERS
from tests.browser.journeys.album import Album
from tests.browser.live import LIVE_MARKS, LIVE_PLUGINS
from tests.browser.walk import click_in_footer_menu, held_today, success_message, sv, wait_until
from tests.minutes.workflow_helpers import draft_minutes
from tests.world import PASSWORD

pytest_plugins = LIVE_PLUGINS
pytestmark = LIVE_MARKS

TITLE = "Sakråd om fritidsgårdarnas framtid"
FIRST_SUMMARY = "Flera organisationer, bland andra Föreningen Framtid, tog upp öppettiderna."
COMMENT = "Nämn inga organisationer vid namn i sammanfattningen."
SECOND_SUMMARY = "Flera organisationer tog upp öppettiderna på kvällar och helger."
TAKEAWAY = "Öppna fritidsgårdarna även på helgerna"


def demo_staff(email: str):
    """The demo's account for `email`, made by the demo's own code with the migration's groups."""
    [row] = [row for row in STAFF if row["email"] == email]
    tally = Tally()
    groups = ensure_groups(tally)
    fields = {"first_name": row["first_name"], "last_name": row["last_name"]}
    user = ensure_user(email, tally, groups=[groups[name] for name in row["groups"]], **fields)
    user.set_password(PASSWORD)  # the demo password is refused unless DEBUG is on
    user.save(update_fields=["password"])
    return user


@pytest.fixture
def submitted(world):
    """A consultation held today, its compiled minutes, submitted for approval by the organiser."""
    date, start, end = held_today()
    consultation = ConsultationPage(
        title=TITLE,
        slug="fritidsgardarnas-framtid",
        ministry="Kulturdepartementet",
        date=date,
        start_time=start,
        end_time=end,
        venue_address="Drottninggatan 1, Stockholm",
    )
    world.index.add_child(instance=consultation)
    consultation.save_revision().publish()
    organiser = demo_staff("organiser@example.org")
    minutes = draft_minutes(consultation, takeaways=(TAKEAWAY,))
    minutes.summary = FIRST_SUMMARY
    minutes.save_revision(user=organiser)
    minutes.get_workflow().start(minutes, organiser)
    return consultation, MinutesPage.objects.get(pk=minutes.pk), organiser


def dashboard_row(tab, minutes):
    """The minutes' row under "Awaiting your review" on the dashboard."""
    edit = reverse("wagtailadmin_pages:edit", args=[minutes.pk])
    panel = tab.locator("section, .w-panel, .panel").filter(has_text=sv("Awaiting your review"))
    return panel.locator(f'a[href="{edit}"]').first


def test_an_approver_sends_minutes_back_once_then_approves_them(world, submitted, tabs):
    consultation, minutes, organiser = submitted
    approver = demo_staff("approver@example.org")
    assert [group.name for group in approver.groups.all()] == [APPROVERS]
    assert not approver.is_superuser and not approver.is_staff
    album = Album("approver")
    tab = tabs()

    # 1. Greta opens the admin and logs in with her address and password.
    tab.goto(reverse("wagtailadmin_home"))
    tab.wait_for_url("**/accounts/login/**")
    assert tab.evaluate("document.documentElement.lang") == "sv"
    tab.fill("#id_login", approver.email)
    tab.fill("#id_password", PASSWORD)
    album.take(tab, "login")
    with tab.expect_navigation():
        tab.locator("main form button[type=submit]").first.click()
    tab.wait_for_url(f"**{reverse('wagtailadmin_home')}")

    # 2. The dashboard: the minutes wait for her review, under their consultation's title.
    assert sv("Awaiting your review") in tab.inner_text("main")
    row = dashboard_row(tab, minutes)
    row.wait_for()
    assert row.inner_text().strip() == f"{minutes.title}: {minutes.get_parent().title}"
    album.take(tab, "dashboard-awaiting-review")

    # 3. She reads them: the submitted draft opens in the editor, with the organiser's summary.
    row.click()
    tab.wait_for_url(f"**{reverse('wagtailadmin_pages:edit', args=[minutes.pk])}")
    assert tab.input_value("textarea[name=summary]") == FIRST_SUMMARY
    assert TAKEAWAY in tab.content()
    album.take(tab, "reads-the-draft")

    # 4. She sends them back with a comment ("Begär ändringar"): the organiser must fix the summary.
    click_in_footer_menu(tab, "button[data-workflow-action-name=reject]")
    comment = tab.locator("textarea[name=comment]")
    comment.wait_for()
    comment.fill(COMMENT)
    album.take(tab, "send-back-with-a-comment")
    tab.locator(".modal-content form button[type=submit], .modal form button[type=submit]").first.click()
    tab.locator(".messages .success").first.wait_for()
    album.take(tab, "sent-back")
    state = WorkflowState.objects.for_instance(minutes).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert TaskState.objects.filter(workflow_state=state, comment=COMMENT, finished_by=approver).exists()
    assert not MinutesPage.objects.get(pk=minutes.pk).live

    # 5. The organiser corrects the summary and resubmits (their side has a journey of its own).
    draft = MinutesPage.objects.get(pk=minutes.pk).get_latest_revision_as_object()
    draft.summary = SECOND_SUMMARY
    draft.save_revision(user=organiser)
    state.resume(organiser)
    assert WorkflowState.objects.for_instance(minutes).get().status == WorkflowState.STATUS_IN_PROGRESS

    # 6. Back on her dashboard the minutes wait again; she reads the new summary and approves.
    tab.goto(reverse("wagtailadmin_home"))
    row = dashboard_row(tab, minutes)
    row.wait_for()
    album.take(tab, "dashboard-resubmitted")
    row.click()
    tab.wait_for_url(f"**{reverse('wagtailadmin_pages:edit', args=[minutes.pk])}")
    assert tab.input_value("textarea[name=summary]") == SECOND_SUMMARY
    click_in_footer_menu(
        tab, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    tab.locator(".messages .success").first.wait_for()
    assert minutes.title in success_message(tab)
    album.take(tab, "approved")
    wait_until(lambda: MinutesPage.objects.get(pk=minutes.pk).live, "the minutes are published")

    # 7. The published minutes are on the public site, with the corrected summary.
    public = MinutesPage.objects.get(pk=minutes.pk)
    assert public.summary == SECOND_SUMMARY
    visitor = tabs()
    visitor.goto(public.url)
    page_text = visitor.inner_text("main")
    assert SECOND_SUMMARY in page_text and TAKEAWAY in page_text
    assert FIRST_SUMMARY not in page_text
    album.take(visitor, "published-minutes")

    # 8. Running the day is not hers: the consultation's groups screen refuses her.
    groups = reverse("breakouts_admin:groups", args=[consultation.pk])
    response = tab.goto(groups)
    assert response.status == 403
    assert tab.inner_text("h1") == sv("Access denied")
    assert sv("Assign automatically") not in tab.content()
    album.take(tab, "groups-screen-refused")
    assert tab.js_errors == [] and visitor.js_errors == []
