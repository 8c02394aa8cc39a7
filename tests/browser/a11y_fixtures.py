"""Fixtures for the accessibility checks (test_accessibility.py, test_keyboard.py).

- `accessibility_settings`: the site settings the footer reads (statement page, report address);
  the `world` fixture does not set them.
- `furnished`: the world's pages filled with everything their templates can show (agenda,
  speakers with photos, questions, recordings, press contact, themes, rich text, many invited
  organisations), so the checks see every template part, not only empty sections.
- `open_tab`: browser tabs on the live server, logged in as a world user when given one.
- `wagtail_roots`: puts back the rows Wagtail's migrations create (locale, root page, root
  collection) when an earlier transactional test flushed them; use it before `world`.
- `sends_off_the_loop`: the services' channel-layer sends (notes.broadcast) run in a worker
  thread, since async_to_sync refuses the thread where Playwright's loop runs; use it before `world`.

Test modules load them with `pytest_plugins = ["tests.world", "tests.browser.a11y_fixtures"]`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
import time
from dataclasses import dataclass

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import OperationalError
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from consultations.models import ConsultationSpeaker, DiscussionQuestion, Theme
from home.models import SiteSettings, StandardPage
from invitations.models import Invitation, InvitationStatus
from organisations.models import Organisation, Person

STATEMENT_TITLE = "Tillgänglighetsredogörelse"
STATEMENT_SLUG = "tillganglighet"
CONTACT_EMAIL = "tillganglighet@example.org"


@dataclass(frozen=True)
class AccessibilitySettings:
    statement: StandardPage
    email: str


def log_in(context, user, base_url: str) -> None:
    """Give a Playwright context the session cookie of `user` (no login form, no rate limit)."""
    client = Client()
    for attempt in range(50):
        try:
            client.force_login(user)
            break
        except OperationalError as error:
            # The in-memory SQLite is shared with the live server's threads, and its table locks do
            # not wait: a socket writing notes at that moment makes the session insert fail at once.
            if "locked" not in str(error) or attempt == 49:
                raise
            time.sleep(0.1)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": base_url}])


@pytest.fixture
def wagtail_roots(transactional_db):
    """The live server sees only committed data, so browser tests are transactional, and the flush
    after each one also removes what the migrations created. `serialized_rollback` cannot put it
    back here: once Playwright's sync API runs, Django sees a running event loop and gives the test
    code another connection object than the one holding the serialized contents."""
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@pytest.fixture
def sends_off_the_loop(monkeypatch):
    """Once Playwright's sync API runs, this thread has a running event loop and async_to_sync
    raises; building the world (breakout groups, note-taking) sends to the channel layer on commit."""
    import notes.broadcast

    def in_a_thread(function):
        def call(*args, **kwargs):
            outcome = {}

            def run():
                try:
                    outcome["value"] = async_to_sync(function)(*args, **kwargs)
                except Exception as error:  # noqa: BLE001 - raised again in the test's thread
                    outcome["error"] = error

            worker = threading.Thread(target=run)
            worker.start()
            worker.join(timeout=10)
            if "error" in outcome:
                raise outcome["error"]
            return outcome.get("value")

        return call

    monkeypatch.setattr(notes.broadcast, "async_to_sync", in_a_thread)


@pytest.fixture
def open_tab(browser, live_server):
    """open_tab(user=None, **context_options) -> a Playwright page on the live server."""
    contexts = []

    def open_(user=None, **options):
        options = {"base_url": live_server.url, "locale": "sv-SE", **options}
        context = browser.new_context(**options)
        contexts.append(context)
        if user is not None:
            log_in(context, user, live_server.url)
        tab = context.new_page()
        tab.set_default_timeout(10_000)
        return tab

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def accessibility_settings(world) -> AccessibilitySettings:
    """An accessibility statement page under the home page, chosen in the site settings with a
    reporting address, as an editor would set it up (seed_demo should do the same)."""
    statement = StandardPage(
        title=STATEMENT_TITLE,
        slug=STATEMENT_SLUG,
        introduction="Så tillgänglig är webbplatsen och så rapporterar du brister.",
    )
    world.home.add_child(instance=statement)
    statement.save_revision().publish()
    statement.refresh_from_db()
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    site_settings.accessibility_statement = statement
    site_settings.accessibility_contact_email = CONTACT_EMAIL
    site_settings.save()
    return AccessibilitySettings(statement=statement, email=CONTACT_EMAIL)


def _stream(items: list[tuple[str, object]]) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def _image(title: str, colour: str):
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 240), colour).save(buffer, "PNG")
    image = get_image_model()(title=title, description=f"Foto: {title}")
    image.file.save(f"{title.lower().replace(' ', '-')}.png", ImageFile(buffer, name="bild.png"), save=False)
    image.save()
    return image


@pytest.fixture
def furnished(world):
    """Fill the world's consultation, minutes and standard page with every kind of content."""
    consultation = world.consultation
    themes = [
        Theme.objects.create(name="Integration", slug="integration"),
        Theme.objects.create(name="Unga i föreningslivet", slug="unga-i-foreningslivet"),
    ]
    photo = _image("Anna Andersson", "teal")
    people = [
        Person.objects.create(
            name="Anna Andersson",
            title="Statssekreterare",
            organisation_text="Arbetsmarknadsdepartementet",
            photo=photo,
        ),
        Person.objects.create(name="Bo Berg", title="Nationell samordnare", organisation=world.organisation),
        Person.objects.create(
            name="Cecilia Ek", title="Verksamhetsledare", organisation=world.other_organisation
        ),
    ]
    press = Person.objects.create(
        name="Dan Dahl",
        title="Pressekreterare",
        organisation_text="Arbetsmarknadsdepartementet",
        public_email="press@example.org",
        public_phone="08-405 10 00",
    )
    consultation.host = people[0]
    consultation.press_contact = press
    consultation.unit = "Enheten för integration"
    consultation.venue_name = "Rosenbad"
    consultation.introduction = "Ett sakråd om hur unga når föreningslivet."
    consultation.body = _stream(
        [
            ("heading", "Bakgrund"),
            (
                "paragraph",
                "<p>Regeringen vill höra civilsamhällets erfarenheter. "
                '<a href="https://example.org/underlag">Läs underlaget</a>.</p>',
            ),
        ]
    )
    consultation.agenda = _stream(
        [
            (
                "item",
                {"time": "09:00:00", "item": "Inledning", "speakers": [people[0].pk], "description": ""},
            ),
            (
                "item",
                {
                    "time": "09:20:00",
                    "item": "Korta presentationer",
                    "speakers": [people[1].pk, people[2].pk],
                    "description": "Tre korta inledningar.",
                },
            ),
            ("item", {"time": "10:00:00", "item": "Gruppdiskussioner", "speakers": [], "description": ""}),
        ]
    )
    consultation.recordings = _stream(
        [
            (
                "recording",
                {
                    "title": "Inledningen",
                    "url": "https://example.org/inspelning",
                    "description": "Statssekreterarens inledning.",
                    "transcript": "<p>Välkomna till sakrådet. Vi börjar med en kort inledning.</p>",
                },
            ),
            (
                "sign_language_video",
                {
                    "title": "Sakrådet på svenskt teckenspråk",
                    "url": "https://example.org/teckensprak",
                    "description": "",
                    "language": "swl",
                    "captions_at_host": True,
                },
            ),
        ]
    )
    consultation.themes.set(themes)  # a ParentalManyToManyField: written by save()
    consultation.save()
    ConsultationSpeaker.objects.bulk_create(
        [
            ConsultationSpeaker(page=consultation, person=person, role=role, sort_order=i)
            for i, (person, role) in enumerate(zip(people, ["Inleder", "Talare", "Talare"], strict=True))
        ]
    )
    DiscussionQuestion.objects.bulk_create(
        [
            DiscussionQuestion(
                page=consultation,
                number=1,
                sort_order=0,
                text="Hur når vi unga som inte är organiserade?",
                sub_questions=_stream(
                    [
                        ("sub_question", "Finns det metoder som fungerar?"),
                        ("sub_question", "Vad behöver ni av det offentliga?"),
                    ]
                ),
            ),
            DiscussionQuestion(
                page=consultation, number=2, sort_order=1, text="Hur kan samarbetet bli långsiktigt?"
            ),
        ]
    )
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=f"Förening {number}", kind="association", county="AB") for number in range(1, 15)]
    )
    Invitation.objects.bulk_create(
        [
            Invitation(consultation=consultation, organisation=organisation, status=InvitationStatus.ACCEPTED)
            for organisation in organisations
        ]
    )

    upcoming = world.other_consultation
    upcoming.capacity = 60
    upcoming.registration_opens = timezone.now() - dt.timedelta(days=1)
    upcoming.rsvp_deadline = timezone.now() + dt.timedelta(days=10)
    upcoming.themes.set(themes[:1])
    upcoming.save()

    body = _stream(
        [
            ("heading", "Det här kom fram"),
            (
                "paragraph",
                "<p>Flera organisationer betonade <b>långsiktighet</b>.</p>"
                "<ul><li>Involvera tidigt</li><li>Enkelt språk</li></ul>",
            ),
            (
                "image",
                {"image": photo.pk, "alt_text": "Deltagare i samtal runt ett bord", "decorative": False},
            ),
        ]
    )
    world.minutes.body = body
    world.minutes.save()
    world.standard_page.body = body
    world.standard_page.save()
    return world
