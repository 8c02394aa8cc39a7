"""The notes editor keeps to what the server accepts, and says what happened when the server refused.

In a real Chromium against the real notes consumer (Daphne, tests/browser/asgi_server.py), as
participants of one breakout group: typing and pasting stop at a point's maximum length (and a cut
paste is announced); control characters pasted from elsewhere (NUL, Word's vertical tab) never
reach the shared document; a text longer than the maximum from elsewhere is shown whole; the text
area grows with its text at phone width; ministry staff are marked in "In the room now".

The server's refusals (close codes 4400, 4413, 4429 with a reason token, docs/notes-protocol.md)
are played by Playwright's `route_web_socket`: between the page and the real server, it passes
frames on both ways and closes the page's socket with the code and reason the server would, at the
moment the page sends a change; or, for the messages alone, it is the server and closes at once.
One refusal comes from the real server: a point over its limit (lowered for the test), shortened
on the page and sent again.
"""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from tests.browser import test_notes_live as live
from tests.browser.a11y_fixtures import log_in
from tests.browser.test_notes_live import CONNECTED, LIVE_TIMEOUT, add_point, group_url, wait_for_texts

pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures", "tests.browser.asgi_server"]

pytestmark = live.pytestmark

# The group, its participants and the threaded channel-layer sends, as in test_notes_live.py.
room = live.room
_channel_layer_sends_from_a_worker_thread = live._channel_layer_sends_from_a_worker_thread

NOTES_SOCKET = re.compile(r"/ws/notes/\d+$")
MAX = 20  # a small maximum for these tests: the server's notes.limits.MAX_POINT_CHARS and the page's
STATUS = "[data-notes-status]"
SERVICE_RESTART = 1012  # the close code of a server restarting (uvicorn's on SIGTERM)
RESTARTING = "Servern startas om – dina ändringar sparas och skickas när den är tillbaka"


@pytest.fixture
def tab_for(browser, asgi_live_server):
    """tab_for(user, **context_options) -> a logged-in tab that has not loaded a page yet (so that
    a websocket route can be set first)."""
    contexts = []

    def tab_(user, **options):
        context = browser.new_context(base_url=asgi_live_server.url, locale="sv-SE", **options)
        contexts.append(context)
        context.grant_permissions(["clipboard-read", "clipboard-write"])
        log_in(context, user, asgi_live_server.url)
        tab = context.new_page()
        tab.set_default_timeout(LIVE_TIMEOUT)
        errors = []
        tab.on("pageerror", lambda error: errors.append(str(error)))
        tab.js_errors = errors
        return tab

    yield tab_
    for context in contexts:
        context.close()


@pytest.fixture
def small_points(monkeypatch):
    """One limit for the server and the page it renders (data-max-point-chars), as in production."""
    import notes.limits

    monkeypatch.setattr(notes.limits, "MAX_POINT_CHARS", MAX)


def paste(tab, text: str) -> None:
    """Paste `text` into the focused field through the clipboard, with the keyboard."""
    tab.evaluate("text => navigator.clipboard.writeText(text)", text)
    tab.keyboard.press("ControlOrMeta+V")


def document_texts(tab) -> list[str]:
    """The points' texts in the page's Y.Doc: what it holds and sends, whatever the textarea shows."""
    return tab.evaluate(
        "() => document.getElementById('notes').notes.doc.getArray('points').toArray()"
        ".map(point => point.get('text').toString())"
    )


def awareness_frame(states: list[tuple[int, int, dict | None]]) -> bytes:
    """A y-protocols awareness message (type 1) with (client id, clock, state) entries."""

    def varuint(number: int) -> bytes:
        out = bytearray()
        while True:
            byte = number & 0x7F
            number >>= 7
            out.append(byte | (0x80 if number else 0))
            if not number:
                return bytes(out)

    def varbytes(data: bytes) -> bytes:
        return varuint(len(data)) + data

    body = varuint(len(states))
    for client_id, clock, state in states:
        body += varuint(client_id) + varuint(clock) + varbytes(json.dumps(state).encode())
    return b"\x01" + varbytes(body)


class RefusingServer:
    """Between the page and the real server: frames pass both ways until `refuse` is set; then the
    page's next document update (sync 0/2) is not passed on, and the page's socket is closed with
    `refuse` = (code, reason), as the server closes a socket whose change it refuses."""

    def __init__(self, tab):
        self.refuse: tuple[int, str] | None = None
        self.refused = 0
        self.pages = []
        self.down = False  # restarting: every socket is closed at once, as by a worker going down
        tab.route_web_socket(NOTES_SOCKET, self.handle)

    def restart(self) -> None:
        """A worker stopped for a deploy (SIGTERM): open sockets are closed with 1012, and new ones
        are until `down` is cleared."""
        self.down = True
        for page_side in self.pages:
            page_side.close(code=SERVICE_RESTART, reason="")
        self.pages = []

    def handle(self, page_side):
        if self.down:
            page_side.close(code=SERVICE_RESTART, reason="")
            return
        server_side = page_side.connect_to_server()
        self.pages.append(page_side)

        def from_page(message):
            if self.refuse and isinstance(message, bytes) and message[:2] == b"\x00\x02":
                self.refused += 1
                code, reason = self.refuse
                page_side.close(code=code, reason=reason)
                server_side.close()
                return
            server_side.send(message)

        page_side.on_message(from_page)


# ---- Maximum length ------------------------------------------------------------------------------


def test_typing_and_pasting_stop_at_the_maximum_length(room, tab_for, small_points, monkeypatch):
    anna = tab_for(room["first"])
    bo = tab_for(room["second"])
    for tab in (anna, bo):
        tab.goto(group_url(room["group"]))
        tab.wait_for_selector(CONNECTED)
    assert anna.get_attribute("#notes", "data-max-point-chars") == str(MAX)

    # Typing stops at the maximum.
    add_point(anna, 1)
    anna.keyboard.type("Tjugofem tecken skrivs in")  # 25
    wait_for_texts(bo, 1, ["Tjugofem tecken skrivs in"[:MAX]])
    assert anna.input_value("[data-question='1'] textarea") == "Tjugofem tecken skrivs in"[:MAX]
    assert anna.get_attribute("[data-question='1'] textarea", "maxlength") == str(MAX)
    count = anna.locator("[data-question='1'] .note-point__count")
    assert count.is_visible() and count.inner_text() == f"{MAX} av {MAX} tecken"

    # A paste that does not fit is cut, and the cut is announced.
    anna.fill("[data-question='1'] textarea", "Början: ")
    wait_for_texts(bo, 1, ["Början: "])
    paste(anna, "en alldeles för lång inklistrad text")
    expected = ("Början: en alldeles för lång inklistrad text")[:MAX]
    wait_for_texts(bo, 1, [expected])
    assert anna.input_value("[data-question='1'] textarea") == expected
    assert document_texts(anna) == [expected]
    assert anna.evaluate("() => document.activeElement.selectionStart") == MAX
    assert "högst 20 tecken" in anna.text_content("[data-notes-announcer]")

    # A cut never leaves half an emoji in the document.
    anna.fill("[data-question='1'] textarea", "x" * (MAX - 1))
    paste(anna, "😀 och mer")
    wait_for_texts(bo, 1, ["x" * (MAX - 1)])
    assert document_texts(anna) == ["x" * (MAX - 1)]

    # A longer text from elsewhere is shown whole and marked; it can be shortened, not lengthened.
    # (Anna's script writes past her editor straight into her document, and the server's limit is
    # raised after the pages loaded: a text longer than a page's limit, as a page that kept an older,
    # lower one would see.)
    import notes.limits

    monkeypatch.setattr(notes.limits, "MAX_POINT_CHARS", 1000)
    anna.evaluate(
        """() => {
            const doc = document.getElementById('notes').notes.doc
            const text = doc.getArray('points').get(0).get('text')
            doc.transact(() => text.insert(text.length, 'ABCDE'))
        }"""
    )
    long_text = "x" * (MAX - 1) + "ABCDE"
    wait_for_texts(bo, 1, [long_text])
    field = bo.locator("[data-question='1'] textarea")
    assert field.get_attribute("aria-invalid") == "true"
    count = bo.locator("[data-question='1'] .note-point__count")
    assert count.inner_text() == f"För lång: 24 av {MAX} tecken"
    assert live.axe_problems(bo) == []
    field.focus()
    bo.keyboard.press("End")
    bo.keyboard.type("Z")
    bo.keyboard.press("Backspace")
    assert document_texts(bo) == [long_text[:-1]]
    assert field.input_value() == long_text[:-1]
    assert anna.js_errors == [] and bo.js_errors == []


# ---- Control characters -------------------------------------------------------------------------


def test_pasted_control_characters_never_reach_the_shared_document(room, tab_for):
    anna = tab_for(room["first"])
    bo = tab_for(room["second"])
    for tab in (anna, bo):
        tab.goto(group_url(room["group"]))
        tab.wait_for_selector(CONNECTED)
    add_point(anna, 1)
    anna.keyboard.type("Start ")

    # From Word: a manual line break is a vertical tab; CR LF line ends; a NUL and C1 controls.
    paste(anna, "Rad ett\vRad två\x00!\r\nRad\x85tre\x07\x9b slut")
    clean = "Start Rad ett\nRad två!\nRad\ntre slut"
    wait_for_texts(bo, 1, [clean])
    assert anna.input_value("[data-question='1'] textarea") == clean
    assert anna.evaluate("() => document.activeElement.selectionStart") == len(clean)
    # The cleaned paste is one step of the browser's undo, as a paste is.
    anna.keyboard.press("ControlOrMeta+Z")
    wait_for_texts(bo, 1, ["Start "])
    anna.keyboard.press("ControlOrMeta+Shift+Z")
    wait_for_texts(bo, 1, [clean])

    # Typed or dropped text (the browser's own input, not a paste) is cleaned too, caret kept.
    anna.keyboard.press("Home")
    anna.keyboard.insert_text("A\x00\x0bB ")
    typed = "Start Rad ett\nRad två!\nRad\ntre slut"
    typed = typed[: typed.rindex("\n") + 1] + "A\nB " + typed[typed.rindex("\n") + 1 :]
    wait_for_texts(bo, 1, [typed])
    assert anna.evaluate("() => document.activeElement.selectionStart") == typed.index("B ") + 2

    control = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
    for tab in (anna, bo):
        assert [control.findall(text) for text in document_texts(tab)] == [[]]
    assert anna.js_errors == [] and bo.js_errors == []


# ---- Growing text areas ---------------------------------------------------------------------------

LONG_POINT = " ".join(["Unga behöver mötesplatser nära skolan, med vuxna som finns kvar över tid."] * 12)


@pytest.mark.parametrize("native", [True, False], ids=["field-sizing", "script-fallback"])
def test_text_area_grows_with_its_text_at_phone_width(room, tab_for, native):
    phone = tab_for(room["first"], viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    if not native:
        # A browser without field-sizing (Firefox, older Safari): the script sets the height.
        phone.add_init_script(
            "(() => { const supports = CSS.supports.bind(CSS);"
            " CSS.supports = (...args) => !String(args[0]).includes('field-sizing') && supports(...args) })()"
        )
    phone.goto(group_url(room["group"]))
    phone.wait_for_selector(CONNECTED)
    add_point(phone, 1)
    field = phone.locator("[data-question='1'] textarea")
    empty_height = field.evaluate("node => node.clientHeight")
    place = "node => node.getBoundingClientRect().top + window.scrollY"
    top = field.evaluate(place)

    heights = []
    for sentence in LONG_POINT.split(". "):
        phone.keyboard.insert_text(sentence + ". ")
        heights.append(field.evaluate("node => node.clientHeight"))
    sizes = field.evaluate("node => ({scroll: node.scrollHeight, client: node.clientHeight})")
    # The whole text shows: no inner scrolling, and the field grew to many lines.
    assert sizes["scroll"] <= sizes["client"] + 1, sizes
    assert sizes["client"] > 4 * empty_height
    # Growing only: the field kept its place, and never shrank back while text was added.
    assert field.evaluate(place) == pytest.approx(top, abs=1)
    assert heights == sorted(heights)
    assert phone.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")

    # Deleting the text lets it shrink again.
    phone.fill("[data-question='1'] textarea", "Kort")
    phone.wait_for_function(
        "height => document.querySelector(\"[data-question='1'] textarea\").clientHeight <= height",
        arg=empty_height + 1,
    )
    assert phone.js_errors == []


# ---- Refusals --------------------------------------------------------------------------------------

DISCARD = "Släng mina osända ändringar och ladda om"
MESSAGES = [
    (4413, "point-too-long", f"En punkt får vara högst {MAX} tecken. Korta den och anslut igen", True, True),
    (4413, "group-full", "Gruppens anteckningar är fulla", True, False),
    (4413, "member-full", "så mycket som en person får", True, False),
    (4413, "frame-too-large", "för stor för att skickas på en gång", True, False),
    (4400, "schema", "inte passar i anteckningarna", True, False),
    (4400, "malformed", "kunde inte läsa en ändring", True, False),
    (4429, "rate", "För många ändringar för snabbt", False, True),
    (4413, "sockets", "öppen i för många fönster", False, True),
]


def notice(reason: str) -> bytes:
    """The server's notice (type 4, varstring): the reason for the close that follows, because
    Daphne leaves reasons out of close frames."""
    return b"\x04" + bytes([len(reason)]) + reason.encode()


def test_each_refusal_says_what_happened_and_offers_a_way_on(room, tab_for, small_points):
    """Here the route is the server: it accepts the socket and closes it at once, with the reason in
    the close frame, or (as through Daphne) in a notice before a close frame without one."""
    anna = tab_for(room["first"])
    close_with = {}

    def server(ws):
        if close_with.get("notice"):
            ws.send(notice(close_with["reason"]))
            ws.close(code=close_with["code"])
        else:
            ws.close(code=close_with["code"], reason=close_with["reason"])

    anna.route_web_socket(NOTES_SOCKET, server)
    for index, (code, reason, text, discard, reconnect) in enumerate(MESSAGES):
        close_with.update(code=code, reason=reason, notice=index % 2 == 1)
        anna.goto(group_url(room["group"]))
        anna.wait_for_selector(f"{STATUS}[data-state='refused']")
        assert text in anna.text_content(STATUS), (code, reason)
        actions = anna.locator("[data-notes-actions] button")
        expected = (["Anslut igen"] if reconnect else []) + ([DISCARD] if discard else [])
        assert actions.all_inner_texts() == expected, (code, reason)

    # Access lost (4403) is no refusal: the message as before, no buttons.
    close_with.update(code=4403, reason="", notice=False)
    anna.goto(group_url(room["group"]))
    anna.wait_for_selector(f"{STATUS}[data-state='closed']")
    assert anna.text_content(STATUS).startswith("Servern stängde anslutningen")
    assert anna.locator("[data-notes-actions] button").count() == 0

    # In English at /en/.
    close_with.update(code=4413, reason="point-too-long")
    anna.goto("/en" + group_url(room["group"]))
    anna.wait_for_selector(f"{STATUS}[data-state='refused']")
    assert anna.text_content(STATUS) == (
        f"A point can be at most {MAX} characters. Shorten it and reconnect, or discard the change."
    )
    assert anna.locator("[data-notes-actions] button").all_inner_texts() == [
        "Reconnect",
        "Discard my unsent changes and reload",
    ]
    assert anna.js_errors == []


def two_connected(room, tab_for):
    """Anna and Bo on the group's page, both connected; Anna's socket goes through a server the test
    can make refuse or restart."""
    anna = tab_for(room["first"])
    bo = tab_for(room["second"])
    server = RefusingServer(anna)
    for tab in (anna, bo):
        tab.goto(group_url(room["group"]))
        tab.wait_for_selector(CONNECTED)
    return anna, bo, server


def test_a_refused_change_is_discarded_and_never_sent_again(room, tab_for):
    anna, bo, server = two_connected(room, tab_for)
    add_point(anna, 1)
    anna.keyboard.type("Godtagen")
    wait_for_texts(bo, 1, ["Godtagen"])

    server.refuse = (4400, "schema")
    anna.keyboard.type(" men nekad")
    anna.wait_for_selector(f"{STATUS}[data-state='refused']")
    assert "inte passar i anteckningarna" in anna.text_content(STATUS)
    # What was refused stays here only; the page stops taking changes that would be thrown away.
    assert anna.locator("[data-question='1'] textarea[readonly]").count() == 1
    assert anna.locator("[data-add-point]:visible").count() == 0
    assert live.axe_problems(anna) == []
    bo.wait_for_timeout(500)
    wait_for_texts(bo, 1, ["Godtagen"])

    # Discard: this browser's copy is cleared and the page reloads with the server's notes.
    server.refuse = None
    anna.click("[data-notes-actions] [data-action='discard']")
    anna.wait_for_selector(CONNECTED)
    wait_for_texts(anna, 1, ["Godtagen"])
    assert document_texts(anna) == ["Godtagen"]
    # Nothing refused is sent again: a later change goes through and both see the same.
    anna.focus("[data-question='1'] textarea")
    anna.keyboard.press("End")
    anna.keyboard.type(" och mer")
    wait_for_texts(bo, 1, ["Godtagen och mer"])
    wait_for_texts(anna, 1, ["Godtagen och mer"])
    assert server.refused >= 1
    assert anna.js_errors == [] and bo.js_errors == []


def test_too_fast_keeps_the_changes_and_reconnects(room, tab_for):
    anna, bo, server = two_connected(room, tab_for)

    server.refuse = (4429, "rate")
    add_point(anna, 2)
    anna.wait_for_selector(f"{STATUS}[data-state='refused']")
    assert "För många ändringar för snabbt" in anna.text_content(STATUS)
    assert anna.locator("[data-notes-actions] [data-action='discard']").count() == 0
    # Local changes still count: writing goes on while the page waits.
    anna.focus("[data-question='2'] textarea")
    anna.keyboard.type("Skrivet i pausen")
    assert bo.locator("[data-question='2'] textarea").count() == 0

    server.refuse = None
    anna.click("[data-notes-actions] [data-action='reconnect']")
    anna.wait_for_selector(CONNECTED)
    assert anna.locator("[data-notes-actions]").is_hidden()
    wait_for_texts(bo, 2, ["Skrivet i pausen"])
    assert anna.js_errors == [] and bo.js_errors == []


def test_a_server_restart_is_told_and_what_was_typed_meanwhile_is_saved(room, tab_for):
    """A worker restarting (1012, docs/reliability.md) is not "Offline": the page says the server is
    restarting and that the changes are kept, reconnects by itself and sends them."""
    anna, bo, server = two_connected(room, tab_for)

    server.restart()
    anna.wait_for_selector(f"{STATUS}[data-state='server_away']")
    assert anna.text_content(STATUS) == RESTARTING
    add_point(anna, 2)
    anna.keyboard.type("Skrivet under omstarten")
    # Attempts to reconnect fail meanwhile: more than would turn "Reconnecting…" into "Offline".
    failed = "() => document.getElementById('notes').notes.provider.wsUnsuccessfulReconnects"
    anna.wait_for_function(f"{failed} > 2")
    assert anna.get_attribute(STATUS, "data-state") == "server_away"

    server.down = False
    anna.wait_for_selector(CONNECTED)
    wait_for_texts(bo, 2, ["Skrivet under omstarten"])
    assert anna.js_errors == [] and bo.js_errors == []


# ---- Presence ------------------------------------------------------------------------------------


def test_presence_marks_ministry_staff_and_takes_only_plain_colours(room, tab_for, world):
    staff = world.user("organiser")
    staff.first_name, staff.last_name = "Anna", "Ek"
    staff.save()
    bo = tab_for(room["second"])
    server = RefusingServer(bo)  # passes everything on; used here to add presence as the server would
    bo.goto(group_url(room["group"]))
    bo.wait_for_selector(CONNECTED)
    official = tab_for(staff)
    official.goto(group_url(room["group"]))
    official.wait_for_selector(CONNECTED)

    people = "[data-notes-presence-list] li"
    bo.wait_for_function(f"() => document.querySelectorAll('{people}').length === 2")
    assert bo.locator(people).all_inner_texts() == ["Bo Berg (du)", "Anna Ek (departementet)"]
    assert bo.locator(f"{people}.notes-presence__person--staff").count() == 1
    official.wait_for_function(f"() => document.querySelectorAll('{people}').length === 2")
    assert official.locator(people).all_inner_texts() == ["Anna Ek (departementet) (du)", "Bo Berg"]

    # The colour the server sends is used when it is a colour; anything else gets the name's own.
    server.pages[-1].send(
        awareness_frame(
            [
                (101, 1, {"user": {"name": "Cilla", "colour": "#125a9c", "staff": False}, "editing": None}),
                (102, 1, {"user": {"name": "Dan", "colour": "red;background:url(/x)", "staff": False}}),
            ]
        )
    )
    bo.wait_for_function(f"() => document.querySelectorAll('{people}').length === 4")
    colours = bo.eval_on_selector_all(
        f"{people} .notes-presence__swatch",
        "nodes => nodes.map(node => [node.parentNode.textContent,"
        " node.style.getPropertyValue('--person-colour')])",
    )
    assert ["Cilla", "#125a9c"] in colours
    dan = next(colour for name, colour in colours if name == "Dan")
    assert dan.startswith("hsl(") and "url" not in dan
    assert bo.js_errors == [] and official.js_errors == []


def test_the_page_carries_the_maximum_and_whether_you_are_staff(room, world, small_points):
    member = Client()
    member.force_login(room["first"])
    page = member.get(group_url(room["group"])).content.decode()
    assert f'data-max-point-chars="{MAX}"' in page
    assert 'data-user-staff="false"' in page
    assert "data-notes-actions" in page
    staff = world.client_for("organiser").get(group_url(room["group"])).content.decode()
    assert 'data-user-staff="true"' in staff


def test_a_point_the_server_finds_too_long_can_be_shortened_and_resent(
    room, tab_for, small_points, monkeypatch
):
    """Against the real server's refusal: its limit set below the page's, as when a point grew past
    it by two people writing at once, or a page kept an older, higher limit."""
    import notes.limits

    anna = tab_for(room["first"])
    bo = tab_for(room["second"])
    for tab in (anna, bo):
        tab.goto(group_url(room["group"]))
        tab.wait_for_selector(CONNECTED)
    monkeypatch.setattr(notes.limits, "MAX_POINT_CHARS", 10)  # lowered once the pages have theirs
    add_point(anna, 1)
    anna.keyboard.type("Kort")
    wait_for_texts(bo, 1, ["Kort"])
    anna.keyboard.type(" men för lång")
    anna.wait_for_selector(f"{STATUS}[data-state='refused']")
    assert anna.text_content(STATUS).startswith(f"En punkt får vara högst {MAX} tecken")
    # The server took every keystroke up to its limit, and refused the one past it.
    wait_for_texts(bo, 1, ["Kort men f"])

    # Editing goes on: shorten the point, reconnect, and the shorter text goes through.
    field = anna.locator("[data-question='1'] textarea")
    assert field.get_attribute("readonly") is None
    field.fill("Kort nu")
    anna.click("[data-notes-actions] [data-action='reconnect']")
    anna.wait_for_selector(CONNECTED)
    wait_for_texts(bo, 1, ["Kort nu"])
    wait_for_texts(anna, 1, ["Kort nu"])
    assert anna.js_errors == [] and bo.js_errors == []
