"""No untranslated text: every public page of ours and every staff screen, in Swedish and in English,
as the role that uses it (never the superuser), through the test client.

The world's content is Swedish (tests/world.py), as the site's is. On a Swedish page every word must be
Swedish, ours and the libraries' alike; on an English page (/en/, or an organiser whose admin language
is English) our interface must be English. The world's own texts (titles, names, questions, notes) are
left out, wherever they show, and so is what is marked as being in the other language (lang="en": the
language switcher). What is left is checked against a short list of common words of the other language.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.world import World

pytestmark = [pytest.mark.django_db, pytest.mark.same_on_every_database]

Path = Callable[[World], str]


@dataclass(frozen=True)
class Screen:
    name: str
    role: str  # a role of tests/registry.py
    path: Path  # in Swedish; the English path is the same under /en/ (staff screens: the same path)
    staff: bool = False  # the Wagtail admin, whose language is the user's own choice


def _page(attribute: str, suffix: str = "") -> Path:
    return lambda w: getattr(w, attribute).get_url() + suffix


def _url(name: str, *args: Callable[[World], object]) -> Path:
    return lambda w: reverse(name, args=[arg(w) for arg in args])


# Every page of ours that people read, and the role that reads it.
SCREENS = [
    Screen("home", "anonymous", lambda w: "/"),
    Screen("consultation_index", "anonymous", _page("index")),
    Screen("consultation_index_filtered", "anonymous", _page("index", "?status=upcoming&q=unga")),
    Screen("consultation_held", "anonymous", _page("consultation")),
    Screen("consultation_upcoming", "anonymous", _page("other_consultation")),
    Screen("minutes", "anonymous", _page("minutes")),
    Screen("annual_cycle", "anonymous", _page("annual_cycle")),
    Screen("standard_page", "anonymous", _page("standard_page")),
    Screen("search", "anonymous", lambda w: reverse("search") + "?q=sakr%C3%A5d"),
    Screen("search_nothing_found", "anonymous", lambda w: reverse("search") + "?q=qwxz"),
    Screen("open_input_form", "anonymous", _url("open_input:form", lambda w: w.other_consultation.pk)),
    Screen("rsvp", "anonymous", _url("invitations:rsvp", lambda w: w.rsvp_token)),
    Screen("login", "anonymous", _url("account_login")),
    Screen("login_by_code", "anonymous", _url("account_request_login_code")),
    Screen("password_reset", "anonymous", _url("account_reset_password")),
    Screen("my_page", "participant", _url("accounts:my_page")),
    Screen("corrections_review", "participant", _url("corrections:review", lambda w: w.draft_minutes.pk)),
    Screen("working_group_draft", "participant", _url("working_groups:draft", lambda w: w.draft.pk)),
    Screen("group_notes", "group_member", _url("breakouts:group", lambda w: w.breakout_group.pk)),
    Screen("plenary_wall", "organiser", _url("breakouts:plenary", lambda w: w.consultation.pk)),
    # The admin, as an organiser.
    Screen("admin_dashboard", "organiser", _url("wagtailadmin_home"), staff=True),
    Screen(
        "admin_edit_consultation",
        "organiser",
        _url("wagtailadmin_pages:edit", lambda w: w.consultation.pk),
        staff=True,
    ),
    Screen(
        "admin_edit_minutes",
        "organiser",
        _url("wagtailadmin_pages:edit", lambda w: w.draft_minutes.pk),
        staff=True,
    ),
    Screen(
        "admin_groups", "organiser", _url("breakouts_admin:groups", lambda w: w.consultation.pk), staff=True
    ),
    Screen(
        "admin_compile", "organiser", _url("minutes_admin:compile", lambda w: w.consultation.pk), staff=True
    ),
    Screen(
        "admin_working_group",
        "organiser",
        _url("working_groups_admin:index", lambda w: w.draft.pk),
        staff=True,
    ),
    Screen(
        "admin_open_input",
        "organiser",
        _url("open_input_admin:index", lambda w: w.other_consultation.pk),
        staff=True,
    ),
    Screen(
        "admin_invitations",
        "organiser",
        _url("invitations_admin:index", lambda w: w.other_consultation.pk),
        staff=True,
    ),
    Screen(
        "admin_invitation_list",
        "organiser",
        _url("invitations_admin:build", lambda w: w.other_consultation.pk),
        staff=True,
    ),
    Screen(
        "admin_registry",
        "organiser",
        _url("records_admin:consultation", lambda w: w.consultation.pk),
        staff=True,
    ),
    Screen("admin_representation", "organiser", _url("representation_admin:index"), staff=True),
    Screen(
        "admin_corrections",
        "organiser",
        _url("corrections_admin:index", lambda w: w.draft_minutes.pk),
        staff=True,
    ),
    Screen("admin_follow_up", "organiser", _url("follow_up_admin:index", lambda w: w.minutes.pk), staff=True),
]

# Common English words, as whole words, that no Swedish sentence of ours holds (names and e-mail
# addresses do not either: "Dana Deltagare", "organisator@example.org").
ENGLISH = re.compile(
    r"\b(?:the|and|with|your|you|of|to|is|are|this|that|for|from|not|no|yet|has|have|been|will|"
    r"Save|Cancel|Search|Page|Pages|Delete|Edit|Add|Submit|Publish|Preview|Settings|Dashboard|Close|"
    r"Open|Show|Hide|Back|Next|Previous|Loading|Autosave|paused|Log in|Log out|Sign in|Help|More|"
    r"Actions|Draft|Live|Comments?|Required|Choose|Select|Upload|Approval|approval|Minutes)\b"
)
# Swedish words of our interface (and the libraries') that no English sentence holds.
SWEDISH = re.compile(
    r"\b(?:och|med|för|inte|eller|till|från|din|ditt|dina|här|som|att|är|har|kan|ska|"
    r"Spara|Avbryt|Sök|Sida|Sidor|Ta bort|Redigera|Lägg till|Skicka|Publicera|Förhandsgranska|Stäng|"
    r"Öppna|Visa|Dölj|Tillbaka|Nästa|Föregående|Logga in|Logga ut|Hjälp|Mer|Åtgärder|Utkast|"
    r"Kommentarer|Obligatorisk|Välj|Årscykel|Hem|Mina sidor|Minnesanteckningar|Inloggad)\b"
)
# The head holds the tab's title, made of page titles (content), and no other text.
SKIPPED = ("head", "script", "style", "template", "noscript", "svg")
# Attributes people read or hear: tooltips, labels, placeholders, image texts.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def visible_text(content: bytes, other_language: str, world_texts: tuple[str, ...] = ()) -> str:
    """The page's text and read attributes, without code, without what is marked as being in
    `other_language` and without `world_texts`."""
    document = BeautifulSoup(content, "html.parser")
    for node in document.find_all(SKIPPED):
        node.decompose()
    for node in document.find_all(lang=re.compile(rf"^{other_language}\b")):
        node.decompose()
    attributes = [
        node[name] for node in document.find_all(True) for name in READ_ATTRIBUTES if node.has_attr(name)
    ]
    text = " ".join(" ".join([document.get_text(" "), *attributes]).replace("\xa0", " ").split())
    for content in world_texts:
        text = text.replace(content, " ")
    return text


def world_texts() -> tuple[str, ...]:
    """Every text the world stored, longest first (a title holds shorter ones), each also as the page
    shows rich text: without its tags."""
    from wagtail.models import Collection, Page, Task, Workflow

    from breakouts.models import BreakoutGroup
    from consultations.models import DiscussionQuestion
    from invitations.models import Attendee
    from minutes.models import Takeaway
    from organisations.models import Organisation

    texts = set()
    instances = [page.specific for page in Page.objects.all()]
    for model in (
        BreakoutGroup,
        DiscussionQuestion,
        Attendee,
        Takeaway,
        Organisation,
        Collection,
        Task,
        Workflow,
    ):
        instances += list(model.objects.all())
    for instance in instances:
        for field in instance._meta.concrete_fields:
            value = field.value_from_object(instance)
            if isinstance(value, str) and len(value) > 2:
                texts.add(" ".join(BeautifulSoup(value, "html.parser").get_text(" ").split()))
        for name in ("body",):
            stream = getattr(instance, name, None)
            if stream is not None and hasattr(stream, "raw_data"):
                texts.add(" ".join(BeautifulSoup(str(stream), "html.parser").get_text(" ").split()))
    return tuple(sorted((text for text in texts if len(text) > 2), key=len, reverse=True))


def leaks(text: str, pattern: re.Pattern) -> list[str]:
    """The stretches of text around words of the other language, those close together as one."""
    spans: list[list[int]] = []
    for match in pattern.finditer(text):
        start, end = max(0, match.start() - 30), match.end() + 30
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [text[start:end].strip() for start, end in spans]


def _get(shared_world: World, screen: Screen, language: str):
    user = shared_world.user(screen.role)
    client = shared_world.client_for(screen.role)
    with translation.override("sv"):
        path = screen.path(shared_world)
    if screen.staff:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    elif language == "en":
        path = "/en" + path
    response = client.get(path)
    assert response.status_code == 200, (screen.name, path, response.status_code)
    return response


@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_a_swedish_page_has_no_english(shared_world, screen):
    response = _get(shared_world, screen, "sv")
    found = leaks(visible_text(response.content, "en", world_texts()), ENGLISH)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_an_english_page_has_no_swedish_of_ours(shared_world, screen):
    response = _get(shared_world, screen, "en")
    found = leaks(visible_text(response.content, "sv", world_texts()), SWEDISH)
    assert not found, "\n".join(found)


def test_the_checks_see_a_leak():
    """The word lists catch a real leak in either direction, and leave names and marked content be."""
    swedish_page = b'<p>Autosparning</p><a lang="en" href="/en/">English</a><p>Dana Deltagare</p>'
    assert leaks(visible_text(swedish_page, "en"), ENGLISH) == []
    assert leaks(visible_text(swedish_page.replace(b"Autosparning", b"Autosave is paused"), "en"), ENGLISH)
    english_page = b'<nav>Home</nav><h1 lang="sv">Unga och integration</h1><p>Om sakr\xc3\xa5d</p>'
    assert leaks(visible_text(english_page, "sv", ("Om sakråd",)), SWEDISH) == []
    assert leaks(visible_text(english_page.replace(b"Home", b"Hem"), "sv", ("Om sakråd",)), SWEDISH)


def test_the_english_menu_names_the_annual_cycle_in_english(shared_world):
    """A menu page of a type the interface names: its label follows the interface, its title stays."""
    from wagtail.models import Page

    pages = [shared_world.annual_cycle.pk, shared_world.standard_page.pk]
    Page.objects.filter(pk__in=pages).update(show_in_menus=True)
    response = shared_world.client_for("anonymous").get("/en/")
    menu = BeautifulSoup(response.content, "html.parser").select_one("nav.main-nav")
    labels = [" ".join(link.get_text(" ").split()) for link in menu.select("a")]
    assert "Annual cycle" in labels and "Consultations" in labels, labels
    assert "Årscykel" not in labels
    assert "Om sakråd" in labels  # a standard page's title: content, in Swedish


def test_the_minutes_are_submitted_to_a_workflow_named_in_swedish(shared_world):
    """The organiser's submit button names the minutes' workflow as stored: in Swedish."""
    from minutes.services.workflow import minutes_workflow_assign

    minutes_workflow_assign(page=shared_world.draft_minutes)
    screen = next(screen for screen in SCREENS if screen.name == "admin_edit_minutes")
    response = _get(shared_world, screen, "sv")
    text = " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())
    assert "Lämna in till Godkännande av minnesanteckningar" in text
    assert "Minutes approval" not in text
