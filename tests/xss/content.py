"""Public content with payloads in every staff-entered field that reaches a public page.

Pages are built through the ORM the way a careless import would: StreamField content as raw JSON,
rich text stored as the HTML it is given (Wagtail stores rich text as HTML and only the editor
filters it), URL fields only with values their own validation accepts (Page.save() validates live
pages; the rest of the URL payloads are the subject of the validation test).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from consultations.blocks import RecordingBlock
from consultations.models import (
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationSpeaker,
    DiscussionQuestion,
    Theme,
)
from home.models import HomePage, StandardPage
from invitations.models import Invitation, InvitationStatus
from minutes.models import MinutesPage
from organisations.models import Organisation, Person

from .harness import Payload, Tokens


@dataclass
class PublicSite:
    home: HomePage
    index: ConsultationIndexPage


def build_site(*, site_name: str = "Sakråd", home_intro: str = "", index_intro: str = "") -> PublicSite:
    cache.clear()  # Wagtail caches the site root paths
    root = ensure_wagtail_roots()
    home = root.add_child(
        instance=HomePage(
            title="Sakråd", slug="xss-hem", introduction=home_intro, first_published_at=timezone.now()
        )
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": site_name},
    )
    index = home.add_child(
        instance=ConsultationIndexPage(
            title="Sakråd", slug="sakrad", introduction=index_intro, first_published_at=timezone.now()
        )
    )
    return PublicSite(home=home, index=index)


def ensure_wagtail_roots() -> Page:
    """The root page, locale and collection the migrations create.

    Browser tests are transactional (the live server sees committed data only) and the flush after
    each removes these too; `serialized_rollback` cannot restore them once Playwright's event loop
    runs (Django then hands the test another connection object than the serialized one).
    """
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )


def field_accepts(model, field_name: str, value: str) -> bool:
    """Would the model field and its admin form field both accept this value?"""
    field = model._meta.get_field(field_name)
    try:
        field.clean(value, None)
        field.formfield(assume_scheme="https").clean(value)
    except ValidationError:
        return False
    return True


def url_accepted(value: str) -> bool:
    return field_accepts(ConsultationPage, "online_link", value)


def recording_url_accepted(value: str) -> bool:
    try:
        RecordingBlock().child_blocks["url"].clean(value)
    except ValidationError:
        return False
    return True


def _stream(items: list[tuple[str, object]]) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in items])


def _consultation(**fields) -> ConsultationPage:
    defaults = {
        "ministry": "Arbetsmarknadsdepartementet",
        "date": timezone.localdate() + dt.timedelta(days=30),
        "start_time": dt.time(9, 0),
        "end_time": dt.time(12, 0),
        "venue_address": "Drottninggatan 1, Stockholm",
        "first_published_at": timezone.now(),
        "last_published_at": timezone.now(),
    }
    return ConsultationPage(**{**defaults, **fields})


def carrier(site: PublicSite, payloads: list[Payload], tokens: Tokens, *, slug: str) -> ConsultationPage:
    """One consultation carrying every payload in each of its repeatable fields."""
    place = tokens.place
    themes = Theme.objects.bulk_create(
        [
            Theme(name=place(p, "theme name"), slug=f"{slug}-tema-{p.id}", description="Ett tema.")
            for p in payloads
        ]
    )
    organisations = Organisation.objects.bulk_create(
        [Organisation(name=place(p, "organisation name"), kind="association", county="AB") for p in payloads]
    )
    people = Person.objects.bulk_create(
        [
            Person(
                name=place(p, "person name"),
                title=place(p, "person title"),
                organisation=organisations[i] if i % 2 else None,
                organisation_text="" if i % 2 else place(p, "person organisation (free text)"),
            )
            for i, p in enumerate(payloads)
        ]
    )
    first = payloads[0]
    short = next((p for p in payloads if len(p.render("1234567")) <= 40), first)
    host = Person.objects.create(name=place(first, "host name"), title=place(first, "host title"))
    press = Person.objects.create(
        name=place(first, "press contact name"),
        title=place(first, "press contact title"),
        public_email="press@example.org",
        public_phone=place(short, "press contact phone")[:40],  # max_length 40
    )
    body, agenda, recordings = [], [], []
    for i, p in enumerate(payloads):
        body.append(("heading", place(p, "body heading")))
        agenda.append(
            (
                "item",
                {
                    "time": f"{9 + i // 60:02d}:{i % 60:02d}:00",  # one a minute from 09:00
                    "item": place(p, "agenda item"),
                    "speakers": [people[i].pk],
                    "description": place(p, "agenda item description"),
                },
            )
        )
        url_text = place(p, "recording url")
        if not recording_url_accepted(url_text):
            url_text = tokens.refuse(url_text, "https://example.org/inspelning")
        recordings.append(
            (
                "recording",
                {
                    "title": place(p, "recording title"),
                    "url": url_text,
                    "description": place(p, "recording description"),
                    "captions_at_host": True,  # a recording needs captions or a transcript to be saved
                },
            )
        )
    page = _consultation(
        title=f"Bärare {slug}",
        slug=slug,
        host=host,
        press_contact=press,
        capacity=120,
        registration_opens=timezone.now() - dt.timedelta(days=1),
        rsvp_deadline=timezone.now() + dt.timedelta(days=10),
        body=_stream(body),
        agenda=_stream(agenda),
        recordings=_stream(recordings),
    )
    site.index.add_child(instance=page)
    page.themes.set(themes)
    ConsultationSpeaker.objects.bulk_create(
        [
            ConsultationSpeaker(page=page, person=person, role=place(p, "speaker role"), sort_order=i)
            for i, (p, person) in enumerate(zip(payloads, people, strict=True))
        ]
    )
    DiscussionQuestion.objects.bulk_create(
        [
            DiscussionQuestion(
                page=page,
                number=i + 1,
                sort_order=i,
                text=place(p, "discussion question text"),
                sub_questions=_stream(
                    [
                        ("sub_question", place(p, "sub-question")),
                        ("sub_question", place(p, "second sub-question")),
                    ]
                ),
            )
            for i, p in enumerate(payloads)
        ]
    )
    Invitation.objects.bulk_create(
        [
            Invitation(consultation=page, organisation=organisation, status=InvitationStatus.ACCEPTED)
            for organisation in organisations
        ]
    )
    return page


def groups(payloads: list[Payload], *, limit: int = 250, separator: str = " | ") -> list[list[Payload]]:
    """Payloads packed into groups that fit one 255-character field once placed (7-digit ids)."""
    packed: list[list[Payload]] = []
    length = 0
    for payload in payloads:
        size = len(payload.render("1234567")) + len(separator)
        if not packed or length + size > limit:
            packed.append([])
            length = 0
        packed[-1].append(payload)
        length += size
    return packed


def _joined(group: list[Payload], tokens: Tokens, where: str, separator: str = " | ") -> str:
    return separator.join(tokens.place(payload, where) for payload in group)


def packed(
    site: PublicSite, group: list[Payload], tokens: Tokens, *, slug: str, past: bool, online_link: str
) -> tuple[ConsultationPage, MinutesPage]:
    """A consultation and its minutes whose one-value fields each carry every payload of the group."""

    def text(where: str, separator: str = " | ") -> str:
        return _joined(group, tokens, where, separator)

    page = _consultation(
        title=text("consultation title"),
        slug=slug,
        search_description=text("consultation search description (meta)"),
        introduction=text("consultation introduction", "\n\n"),
        venue_name=text("venue name"),
        venue_address=text("venue address", "\n"),
        ministry=text("organising ministry"),
        unit=text("organising unit"),
        format="hybrid",
        online_link=online_link,
        date=timezone.localdate() + dt.timedelta(days=-30 if past else 30),
    )
    site.index.add_child(instance=page)
    minutes = MinutesPage(
        title=text("minutes title"),
        seo_title=text("minutes SEO title (<title>)"),
        search_description=text("minutes search description (meta)"),
        slug="minnesanteckningar",
        summary=text("minutes summary", "\n\n"),
        body=_stream([("heading", tokens.place(p, "minutes heading")) for p in group]),
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
    )
    page.add_child(instance=minutes)
    return page, minutes


def packed_pages(
    site: PublicSite, payloads: list[Payload], tokens: Tokens, *, prefix: str
) -> list[tuple[ConsultationPage, MinutesPage]]:
    """Every payload in every one-value field of a consultation and of its minutes.

    The online link takes one URL per page: the payloads its validation accepts, one per page.
    """
    links = []
    for payload in payloads:
        candidate = tokens.place(payload, "online link")
        if url_accepted(candidate):
            links.append(candidate)
        else:
            tokens.refuse(candidate, "")
    pages = []
    packs = groups(payloads)
    for number in range(max(len(packs), len(links))):
        group = packs[number] if number < len(packs) else packs[0]
        link = links[number] if number < len(links) else f"https://meet.example.org/{prefix}-{number}"
        pages.append(
            packed(site, group, tokens, slug=f"{prefix}-{number}", past=bool(number % 2), online_link=link)
        )
    return pages


def menu_page(site: PublicSite, payloads: list[Payload], tokens: Tokens, *, slug: str) -> StandardPage:
    """A plain content page in the main menu: its title reaches every page's navigation."""
    page = StandardPage(
        title=tokens.place(payloads[0], "menu page title"),
        slug=slug,
        show_in_menus=True,
        introduction="\n\n".join(tokens.place(p, "standard page introduction") for p in payloads),
        body=_stream([("heading", tokens.place(p, "standard page heading")) for p in payloads]),
        first_published_at=timezone.now(),
    )
    site.home.add_child(instance=page)
    return page


def rich_text_pages(site: PublicSite, payloads: list[Payload], tokens: Tokens) -> list[Page]:
    """Every rich-text field, each payload stored raw as one paragraph's HTML (a bad import)."""

    def paragraphs(where: str) -> str:
        return _stream([("paragraph", tokens.place(p, where)) for p in payloads])

    consultation = _consultation(
        title="Rik text",
        slug="rik-text",
        body=paragraphs("consultation body paragraph"),
        easy_read_body="".join(tokens.place(p, "consultation easy-to-read version") for p in payloads),
    )
    site.index.add_child(instance=consultation)
    minutes = MinutesPage(
        title="Minnesanteckningar",
        slug="minnesanteckningar",
        body=paragraphs("minutes body paragraph"),
        easy_read_body="".join(tokens.place(p, "minutes easy-to-read version") for p in payloads),
        first_published_at=timezone.now(),
    )
    consultation.add_child(instance=minutes)
    standard_page = StandardPage(
        title="Om sakråd",
        slug="om",
        body=paragraphs("standard page body paragraph"),
        first_published_at=timezone.now(),
    )
    site.home.add_child(instance=standard_page)
    return [site.home, consultation, minutes, standard_page]
