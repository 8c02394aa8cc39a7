"""The minutes' whole path in Chromium, as the people involved would walk it (issue 6, "Done when"):

1. two participants, each in their own breakout group of a consultation held today, type a point on
   their group's page (one ticks it as a takeaway) and the notes log stores it;
2. an organiser closes note-taking on the admin's "Breakout groups" screen of the consultation;
3. the organiser compiles the minutes ("Compile minutes" in the consultation's "…" menu), lands in the
   draft's edit view, writes a summary and submits the draft to the minutes approval workflow;
4. an approver opens the draft in the admin and approves it, which publishes it;
5. an anonymous visitor searches /sok/ for a word of one point, opens the minutes, sees both groups'
   points without anyone's name, and downloads the PDF.

Everything runs on the ASGI live server (tests/browser/asgi_server.py): the group pages need its
websockets, and the admin and the public pages are served by the same Daphne. Users are logged in by
session cookie (tests/browser/a11y_fixtures.log_in), not through the login form.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from accounts.models import User
from breakouts.models import NotePoint
from breakouts.selectors import note_taking_is_open
from breakouts.services import breakout_group_create, group_member_add, note_taking_open
from consultations.models import ConsultationPage, DiscussionQuestion
from minutes.models import MinutesPage
from minutes.services.workflow import WORKFLOW_NAME
from notes.schema import points_read
from notes.services import note_document_load
from tests.browser.walk import click_in_footer_menu, held_today, success_message, sv, wait_until
from tests.world import PASSWORD

# Fixtures as plugins (world, wagtail_roots, sends_off_the_loop, asgi_live_server, tabs).
pytest_plugins = [
    "tests.world", "tests.browser.a11y_fixtures", "tests.browser.asgi_server", "tests.browser.walk"
]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots", "sends_off_the_loop"),
    # WhiteNoise hands static files to Django's ASGI handler as a synchronous iterator: harmless here.
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators"),
]

CONNECTED = "[data-notes-status][data-state='connected']"
# Distinctive words, so that the search finds these minutes and nothing else.
POINT_ONE = "Fritidsgårdarna behöver öppet på helgerna"
POINT_TWO = "Kommunerna borde ge föreningarna fleråriga bidrag"
SEARCH_WORD = "Fritidsgårdarna"
SUMMARY = "Sakrådet samlade tankar om ungas fritid och föreningarnas villkor."


def stored_texts(group) -> list[str]:
    doc, _seq = note_document_load(group_id=group.pk)
    return [point.text for point in points_read(doc)]


@pytest.fixture
def consultation(world):
    """A published consultation held today, two questions, two groups with one participant each, and
    note-taking open."""
    date, start, end = held_today()
    page = ConsultationPage(
        title="Ungas fritid och föreningslivet",
        slug="ungas-fritid",
        ministry="Kulturdepartementet",
        date=date,
        start_time=start,
        end_time=end,
        venue_address="Drottninggatan 1, Stockholm",
    )
    world.index.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    DiscussionQuestion.objects.create(page=page, number=1, text="Vad behöver unga på fritiden?", sort_order=0)
    DiscussionQuestion.objects.create(page=page, number=2, text="Hur stöttar vi föreningarna?", sort_order=1)
    return page


@pytest.mark.search_index
def test_notes_to_published_minutes_found_by_search_with_a_pdf(world, consultation, tabs):
    organiser = world.user("organiser")
    approver = world.user("approver")
    groups = [breakout_group_create(consultation=consultation, name=f"Grupp {n}") for n in (1, 2)]
    astrid = User.objects.create_user(
        email="astrid@framtid.example.org",
        password=PASSWORD,
        first_name="Astrid",
        last_name="Nyqvist",
        organisation=world.organisation,
    )
    bertil = User.objects.create_user(
        email="bertil@stod.example.org",
        password=PASSWORD,
        first_name="Bertil",
        last_name="Öhman",
        organisation=world.other_organisation,
    )
    group_member_add(group=groups[0], person=astrid)
    group_member_add(group=groups[1], person=bertil)
    note_taking_open(consultation=consultation)

    # 1. Each participant opens their group's page and writes a point; Astrid's is a takeaway.
    for user, group, text, question, takeaway in (
        (astrid, groups[0], POINT_ONE, 1, True),
        (bertil, groups[1], POINT_TWO, 2, False),
    ):
        tab = tabs(user)
        tab.goto(reverse("breakouts:group", args=[group.pk]))
        tab.wait_for_selector(CONNECTED)
        assert tab.text_content("[data-notes-status]") == sv("Connected")
        tab.click(f"[data-question='{question}'] [data-add-point]")
        tab.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'TEXTAREA'")
        tab.keyboard.type(text)
        if takeaway:
            tab.check(f"[data-question='{question}'] li:nth-child(1) input[type=checkbox]")
        # The server stores every change in the group's notes log before passing it on.
        wait_until(lambda group=group, text=text: stored_texts(group) == [text], f"{text!r} is stored")
        # The page, opened again, shows the point from the server.
        tab.reload()
        tab.wait_for_selector(CONNECTED)
        tab.wait_for_function(
            "([q, text]) => [...document.querySelectorAll(`[data-question='${q}'] textarea`)]"
            ".map(n => n.value).join('|') === text",
            arg=[question, text],
        )
        if takeaway:
            assert tab.is_checked(f"[data-question='{question}'] li:nth-child(1) input[type=checkbox]")
        assert tab.js_errors == []

    # 2. The organiser closes note-taking from the consultation's "Breakout groups" screen.
    admin = tabs(organiser)
    admin.goto(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    groups_path = reverse("breakouts_admin:groups", args=[consultation.pk])
    admin.locator("#w-slim-header-buttons .w-dropdown__toggle").first.click()
    admin.locator(f'a[href="{groups_path}"]').first.click()
    admin.wait_for_url(f"**{groups_path}")
    assert sv("Open: the groups are writing.") in admin.inner_text("main")
    admin.check("input[name=confirm]")  # closing cannot be undone: the box asks first
    admin.click("button[name=action][value=close]")
    admin.wait_for_url(f"**{groups_path}")
    assert success_message(admin) == sv("Note-taking is closed; the notes are stored for the minutes.")
    assert sv("Closed: the notes are read-only and stored for the minutes.") in admin.inner_text("main")
    assert not note_taking_is_open(consultation_id=consultation.pk)
    assert sorted(NotePoint.objects.filter(group__in=groups).values_list("text", flat=True)) == sorted(
        [POINT_ONE, POINT_TWO]
    )

    # 3. The organiser compiles the minutes, edits the summary and submits the draft for approval.
    compile_path = reverse("minutes_admin:compile", args=[consultation.pk])
    admin.goto(reverse("wagtailadmin_pages:edit", args=[consultation.pk]))
    admin.locator("#w-slim-header-buttons .w-dropdown__toggle").first.click()
    admin.locator(f'a[href="{compile_path}"]').first.click()
    admin.wait_for_url(f"**{compile_path}")
    assert sv("Note-taking is closed: the groups' final notes are stored.") in admin.inner_text("main")
    admin.locator("main form button[type=submit]").click()
    admin.wait_for_url("**/admin/pages/*/edit/")
    assert success_message(admin) == sv(
        "The minutes draft has been compiled. Edit it, then submit it for approval."
    )
    minutes = MinutesPage.objects.child_of(consultation).get()
    assert not minutes.live
    assert admin.url.endswith(reverse("wagtailadmin_pages:edit", args=[minutes.pk]))
    admin.fill("textarea[name=summary]", SUMMARY)
    click_in_footer_menu(admin, "button[name=action-submit]")
    admin.wait_for_load_state()
    admin.locator(".messages .success").first.wait_for()
    assert minutes.title in success_message(admin)
    state = WorkflowState.objects.for_instance(minutes).get(status=WorkflowState.STATUS_IN_PROGRESS)
    assert state.workflow.name == WORKFLOW_NAME
    minutes.refresh_from_db()
    assert not minutes.live
    assert minutes.get_latest_revision_as_object().summary == SUMMARY

    # 4. The approver opens the draft in the admin and approves it, which publishes it.
    approve = tabs(approver)
    approve.goto(reverse("wagtailadmin_pages:edit", args=[minutes.pk]))
    assert approve.input_value("textarea[name=summary]") == SUMMARY
    click_in_footer_menu(
        approve, "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    )
    approve.wait_for_load_state()
    approve.locator(".messages .success").first.wait_for()
    assert minutes.title in success_message(approve)
    wait_until(lambda: MinutesPage.objects.get(pk=minutes.pk).live, "the minutes are published")
    minutes.refresh_from_db()
    assert minutes.summary == SUMMARY

    # 5. An anonymous visitor searches, finds and opens the minutes, and downloads the PDF.
    visitor = tabs()
    visitor.goto(reverse("search"))
    visitor.fill("input[name=q]", SEARCH_WORD)
    visitor.locator("form[role=search] button[type=submit]").click()
    visitor.wait_for_selector(".result-count")
    results = visitor.locator(".search-result")
    assert results.count() == 1, visitor.inner_text("main")
    assert SEARCH_WORD in results.first.inner_text()
    results.first.locator("a").first.click()
    visitor.wait_for_url(f"**{minutes.url}")
    page_text = visitor.inner_text("main")
    assert minutes.title in page_text
    assert SUMMARY in page_text
    assert POINT_ONE in page_text and POINT_TWO in page_text
    # The takeaway is listed among the takeaways.
    assert POINT_ONE in visitor.inner_text(".minutes-takeaways")
    # Not attributed: no participant's name or address, no group's name.
    for name in ("Astrid", "Nyqvist", "Bertil", "Öhman", "astrid@", "bertil@", "Grupp 1", "Grupp 2"):
        assert name not in page_text, f"{name!r} shows on the published minutes"

    link = visitor.get_by_role("link", name=sv("Download as PDF"))
    with visitor.expect_download() as download_info:
        link.click()
    download = download_info.value
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    response = visitor.context.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")
    assert visitor.js_errors == [] and admin.js_errors == [] and approve.js_errors == []
