"""Live notes in a real Chromium against the real notes consumer (Daphne, websockets).

Two participants of one breakout group, each in their own browser context, type into the same
point and see each other's text; one goes offline, goes on typing, comes back, and both end equal;
text typed offline survives a closed tab; the plenary wall shows a takeaway within seconds; the
group page and the wall pass axe (WCAG 2.0/2.1/2.2 A and AA, nothing serious or critical).

The pages come from tests/browser/asgi_server.py (Daphne in a thread of this process), not from
pytest-django's live_server, which has no websockets.
"""

from __future__ import annotations

import threading

import pytest
from asgiref.sync import async_to_sync
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse

from accounts.models import User
from breakouts.models import NotePoint
from breakouts.services import group_member_add, note_taking_close
from consultations.models import DiscussionQuestion
from notes.services import note_update_append
from tests.breakouts.test_services import _points_update
from tests.browser.a11y_fixtures import log_in
from tests.browser.test_accessibility import AXE_OPTIONS
from tests.world import PASSWORD

# Fixtures as plugins (world, wagtail_roots, asgi_live_server), not imported names (F811).
pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures", "tests.browser.asgi_server"]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("wagtail_roots"),
    # WhiteNoise hands static files to Django's ASGI handler as a synchronous iterator: harmless here.
    pytest.mark.filterwarnings("ignore:StreamingHttpResponse must consume synchronous iterators"),
]

LIVE_TIMEOUT = 10_000  # ms: propagation is ~100 ms; this is only a ceiling for slow CI machines
CONNECTED = "[data-notes-status][data-state='connected']"


# ---- Data ---------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _channel_layer_sends_from_a_worker_thread(monkeypatch):
    """Playwright's sync API keeps an event loop running in this thread, where async_to_sync
    refuses to run; the services' sends to connected sockets (notes.broadcast, e.g. on opening and
    closing note-taking or adding a member) go through a short-lived worker thread instead."""
    import notes.broadcast

    def threaded(function):
        def call(*args, **kwargs):
            outcome = {}

            def run():
                try:
                    outcome["value"] = async_to_sync(function)(*args, **kwargs)
                except Exception as error:  # noqa: BLE001 - re-raised in the test thread
                    outcome["error"] = error

            worker = threading.Thread(target=run)
            worker.start()
            worker.join(timeout=10)
            if "error" in outcome:
                raise outcome["error"]
            return outcome.get("value")

        return call

    monkeypatch.setattr(notes.broadcast, "async_to_sync", threaded)


@pytest.fixture
def room(world):
    """The world's breakout group (its group member in it, note-taking open) with a second
    participant, Bo, and two discussion questions on the consultation."""
    consultation = world.consultation
    DiscussionQuestion.objects.create(
        page=consultation,
        number=1,
        text="Hur når vi unga som inte är organiserade?",
        sub_questions='[{"type": "sub_question", "value": "Vilka metoder fungerar?"}]',
        sort_order=0,
    )
    DiscussionQuestion.objects.create(
        page=consultation,
        number=2,
        text="Vad behöver kommunerna från civilsamhället?",
        sort_order=1,
    )
    second = User.objects.create_user(
        email="deltagare2@example.org", password=PASSWORD, first_name="Bo", last_name="Berg"
    )
    group = world.breakout_group
    group_member_add(group=group, person=second)
    first = world.user("group_member")
    return {"group": group, "first": first, "second": second, "consultation": consultation}


# ---- Browser helpers -----------------------------------------------------------------------------


@pytest.fixture
def open_as(browser, asgi_live_server):
    """open_as(user, path, **context_options) -> a logged-in tab on the ASGI live server."""
    contexts = []

    def open_(user, path, **options):
        context = browser.new_context(base_url=asgi_live_server.url, locale="sv-SE", **options)
        contexts.append(context)
        if user is not None:
            log_in(context, user, asgi_live_server.url)
        tab = context.new_page()
        tab.set_default_timeout(LIVE_TIMEOUT)
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.js_errors = errors
        tab.goto(path)
        return tab

    yield open_
    for context in contexts:
        context.close()


def group_url(group) -> str:
    return reverse("breakouts:group", args=[group.pk])


def point_texts(tab, question: int) -> list[str]:
    return tab.eval_on_selector_all(
        f"[data-question='{question}'] textarea", "nodes => nodes.map(node => node.value)"
    )


def wait_for_texts(tab, question: int, expected: list[str]) -> None:
    tab.wait_for_function(
        "([question, expected]) => JSON.stringify([...document.querySelectorAll("
        "`[data-question='${question}'] textarea`)].map(n => n.value)) === JSON.stringify(expected)",
        arg=[question, expected],
    )


def add_point(tab, question: int) -> None:
    tab.click(f"[data-question='{question}'] [data-add-point]")
    tab.wait_for_function("() => document.activeElement && document.activeElement.tagName === 'TEXTAREA'")


def axe_problems(tab) -> list[str]:
    results = Axe().run(tab, options=AXE_OPTIONS).response
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


# ---- Tests ------------------------------------------------------------------------------------


def test_two_participants_edit_one_point_and_converge_after_going_offline(room, open_as):
    anna = open_as(room["first"], group_url(room["group"]))
    bo = open_as(room["second"], group_url(room["group"]))
    anna.wait_for_selector(CONNECTED)
    bo.wait_for_selector(CONNECTED)
    assert anna.text_content("[data-notes-status]") == "Ansluten"

    # Presence: each sees the other in the room.
    anna.wait_for_function("() => document.querySelectorAll('[data-notes-presence-list] li').length === 2")

    # Anna adds a point under question 1 and types; Bo sees it.
    add_point(anna, 1)
    assert anna.evaluate("() => document.activeElement.labels[0].textContent") == "Punkt 1 under fråga 1"
    anna.keyboard.type("Unga når vi genom skolan")
    wait_for_texts(bo, 1, ["Unga når vi genom skolan"])

    # Both type into the same point at once: Anna at the start, Bo at the end.
    bo.focus("[data-question='1'] textarea")
    bo.keyboard.press("End")
    anna.keyboard.press("Home")
    anna.keyboard.type("Ofta: ")
    bo.keyboard.type(" och idrotten")
    wait_for_texts(anna, 1, ["Ofta: Unga når vi genom skolan och idrotten"])
    wait_for_texts(bo, 1, ["Ofta: Unga når vi genom skolan och idrotten"])
    # Bo's caret stayed where he was typing although Anna's text went in before it.
    caret = bo.evaluate("() => document.activeElement.selectionStart")
    assert caret == len("Ofta: Unga når vi genom skolan och idrotten")

    # Bo loses the network, keeps typing, and adds a point; Anna types meanwhile.
    bo.context.set_offline(True)
    bo.wait_for_selector("[data-notes-status][data-state='offline']")
    assert "dina ändringar sparas" in bo.text_content("[data-notes-status]")
    bo.keyboard.type(" och föreningslivet")
    add_point(bo, 2)
    bo.keyboard.type("Långsiktigt stöd, inte projekt")
    anna.keyboard.type("Mycket ")
    wait_for_texts(anna, 1, ["Ofta: Mycket Unga når vi genom skolan och idrotten"])
    assert point_texts(anna, 2) == []

    bo.context.set_offline(False)
    bo.wait_for_selector(CONNECTED)
    final_1 = ["Ofta: Mycket Unga når vi genom skolan och idrotten och föreningslivet"]
    final_2 = ["Långsiktigt stöd, inte projekt"]
    for tab in (anna, bo):
        wait_for_texts(tab, 1, final_1)
        wait_for_texts(tab, 2, final_2)
    assert anna.js_errors == [] and bo.js_errors == []


def test_text_typed_offline_survives_a_closed_tab(room, open_as):
    anna = open_as(room["first"], group_url(room["group"]))
    bo = open_as(room["second"], group_url(room["group"]))
    anna.wait_for_selector(CONNECTED)
    bo.wait_for_selector(CONNECTED)

    bo.context.set_offline(True)
    bo.wait_for_selector("[data-notes-status][data-state='offline']")
    add_point(bo, 1)
    bo.keyboard.type("Skrivet utan nät")
    # IndexedDB writes are asynchronous: give them a moment before the tab goes away.
    bo.wait_for_timeout(500)
    context = bo.context
    bo.close()
    context.set_offline(False)
    assert point_texts(anna, 1) == []

    again = context.new_page()
    again.set_default_timeout(LIVE_TIMEOUT)
    again.goto(group_url(room["group"]))
    wait_for_texts(again, 1, ["Skrivet utan nät"])
    wait_for_texts(anna, 1, ["Skrivet utan nät"])


def test_moving_marking_and_deleting_points(room, open_as):
    anna = open_as(room["first"], group_url(room["group"]))
    bo = open_as(room["second"], group_url(room["group"]))
    anna.wait_for_selector(CONNECTED)
    bo.wait_for_selector(CONNECTED)
    for text in ("Första", "Andra", "Tredje"):
        add_point(anna, 1)
        anna.keyboard.type(text)
    wait_for_texts(bo, 1, ["Första", "Andra", "Tredje"])
    # The page is quiet about others' changes for a second after it first syncs (the initial load is
    # not news); everything below must come later for Bo to hear of it.
    bo.wait_for_timeout(1500)

    # Move "Tredje" up with the keyboard: focus stays on the moved point's button.
    anna.focus("[data-question='1'] li:nth-child(3) [data-action='up']")
    anna.keyboard.press("Enter")
    wait_for_texts(anna, 1, ["Första", "Tredje", "Andra"])
    wait_for_texts(bo, 1, ["Första", "Tredje", "Andra"])
    assert anna.evaluate("() => document.activeElement.dataset.action") == "up"
    assert "Punkt 2 under fråga 1" in anna.evaluate("() => document.activeElement.textContent")

    # Mark a takeaway.
    anna.check("[data-question='1'] li:nth-child(1) input[type=checkbox]")
    bo.wait_for_function(
        "() => document.querySelector(\"[data-question='1'] li:nth-child(1) input[type=checkbox]\").checked"
    )

    # Delete (confirmed) the middle point.
    anna.once("dialog", lambda dialog: dialog.accept())
    anna.click("[data-question='1'] li:nth-child(2) [data-action='delete']")
    wait_for_texts(bo, 1, ["Första", "Andra"])
    # Bo hears about others' changes, at most once every five seconds.
    bo.wait_for_function(
        "() => document.querySelector('[data-notes-announcer]').textContent.includes('ändrad')", timeout=8000
    )


def test_plenary_wall_shows_a_takeaway_within_seconds(room, open_as, world):
    wall = open_as(world.user("organiser"), reverse("breakouts:plenary", args=[room["consultation"].pk]))
    wall.wait_for_selector("[data-plenary-status][data-state='connected']")
    anna = open_as(room["first"], group_url(room["group"]))
    anna.wait_for_selector(CONNECTED)
    add_point(anna, 2)
    anna.keyboard.type("Kommunerna behöver långsiktiga avtal")
    anna.check("[data-question='2'] li:nth-child(1) input[type=checkbox]")
    wall.wait_for_selector(".takeaway__text:has-text('Kommunerna behöver långsiktiga avtal')", timeout=5000)

    # Highlight it on this screen.
    button = wall.locator(".takeaway__highlight").first
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert wall.locator(".takeaway--highlighted").count() == 1

    # Unticking takes it off the wall.
    anna.uncheck("[data-question='2'] li:nth-child(1) input[type=checkbox]")
    wall.wait_for_selector(".takeaway", state="detached", timeout=5000)
    assert wall.js_errors == []


def test_group_page_and_wall_pass_axe(room, open_as, world):
    anna = open_as(room["first"], group_url(room["group"]))
    anna.wait_for_selector(CONNECTED)
    add_point(anna, 1)
    anna.keyboard.type("En punkt")
    anna.check("[data-question='1'] li:nth-child(1) input[type=checkbox]")
    assert axe_problems(anna) == []

    wall = open_as(world.user("organiser"), reverse("breakouts:plenary", args=[room["consultation"].pk]))
    wall.wait_for_selector(".takeaway__text:has-text('En punkt')")
    assert axe_problems(wall) == []

    phone = open_as(
        room["second"],
        group_url(room["group"]),
        viewport={"width": 375, "height": 700},
        is_mobile=True,
        has_touch=True,
    )
    phone.wait_for_selector(CONNECTED)
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_problems(phone) == []


def test_closing_note_taking_makes_the_notes_read_only(room, open_as):
    anna = open_as(room["first"], group_url(room["group"]))
    bo = open_as(room["second"], group_url(room["group"]))
    anna.wait_for_selector(CONNECTED)
    bo.wait_for_selector(CONNECTED)
    add_point(anna, 1)
    anna.keyboard.type("Skrivet före stängning")
    wait_for_texts(bo, 1, ["Skrivet före stängning"])  # the server logs an update before passing it on
    bo.close()

    note_taking_close(consultation=room["consultation"])
    # The open page turns read-only and says so; the points closing stored are what she wrote.
    anna.wait_for_selector("[data-question='1'] textarea[readonly]")
    assert anna.locator("[data-notes-read-only]").is_visible()
    assert anna.locator("[data-add-point]:visible").count() == 0
    assert list(NotePoint.objects.filter(group=room["group"]).values_list("text", flat=True)) == [
        "Skrivet före stängning"
    ]

    # A page opened after closing is read-only from the start, and still live.
    bo = open_as(room["second"], group_url(room["group"]))
    bo.wait_for_selector(CONNECTED)
    wait_for_texts(bo, 1, ["Skrivet före stängning"])
    assert bo.locator("[data-question='1'] textarea[readonly]").count() == 1
    assert bo.locator("[data-add-point]:visible").count() == 0
    assert "inte ändra" in bo.locator(".lead").inner_text()


def test_page_without_javascript_shows_the_notes_read_only(room, open_as):
    """While note-taking is open the server renders the live log; after closing, the stored rows."""
    note_update_append(
        group_id=room["group"].pk, update=_points_update([(1, "Loggad punkt", True)]), author_id=None
    )
    tab = open_as(room["first"], group_url(room["group"]), java_script_enabled=False)
    assert tab.locator(".note-point__stored-text").inner_text() == "Loggad punkt"
    note_taking_close(consultation=room["consultation"])
    NotePoint.objects.filter(group=room["group"]).update(text="Sparad punkt")
    tab.reload()
    assert tab.locator(".note-point__stored-text").inner_text() == "Sparad punkt"
    assert tab.locator("textarea").count() == 0
    assert tab.locator("[data-add-point]:visible").count() == 0


def test_who_may_open_the_group_page_and_the_wall(room, world):
    path = group_url(room["group"])
    plenary = reverse("breakouts:plenary", args=[room["consultation"].pk])
    assert Client().get(path).status_code == 302
    assert world.client_for("participant_other").get(path).status_code == 403
    assert world.client_for("organiser").get(path).status_code == 200
    member = Client()
    member.force_login(room["second"])
    assert member.get(path).status_code == 200
    assert member.get(plenary).status_code == 403
    assert world.client_for("organiser").get(plenary).status_code == 200
