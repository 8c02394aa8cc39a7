"""The header's account links, for each kind of person, in Swedish and English: a participant finds
their own page (their consultations and groups) from every page; staff also find the admin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.registry import PARTICIPANT_ROLES, STAFF_ROLES
from tests.utils import html, text_of

# Where the header shows, in each language: the home page and a page of ours outside Wagtail.
PAGES = {"sv": ["/", "/sok/"], "en": ["/en/", "/en/sok/"]}
WORDS = {
    "sv": {"my_page": "Mina sidor", "log_in": "Logga in", "log_out": "Logga ut", "admin": "Administration"},
    "en": {"my_page": "My page", "log_in": "Log in", "log_out": "Log out", "admin": "Administration"},
}
PREFIX = {"sv": "", "en": "/en"}


@pytest.fixture
def world(shared_world):
    """These tests only read: one world for the module."""
    return shared_world


def account_links(response) -> list[tuple[str, str]]:
    """(text, href) of the header's account menu, in order."""
    menu = html(response).select_one("header nav.account-link")
    assert menu is not None, "no account menu in the header"
    return [(text_of(link), link["href"]) for link in menu.select("a")]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_anonymous_visitors_are_offered_the_login(world, language):
    words = WORDS[language]
    for path in PAGES[language]:
        links = account_links(world.client_for("anonymous").get(path))
        assert links == [(words["log_in"], f"{PREFIX[language]}/accounts/login/")], path


@pytest.mark.parametrize("role", PARTICIPANT_ROLES)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_participants_see_their_own_page_and_log_out(world, role, language):
    words = WORDS[language]
    for path in PAGES[language]:
        links = account_links(world.client_for(role).get(path))
        assert links == [
            (words["my_page"], f"{PREFIX[language]}/mina-sidor/"),
            (words["log_out"], f"{PREFIX[language]}/accounts/logout/"),
        ], path


@pytest.mark.parametrize("role", STAFF_ROLES)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_staff_also_see_the_admin(world, role, language):
    """Staff work in the admin; their own page still holds their account (and any consultation they
    are named for)."""
    words = WORDS[language]
    links = account_links(world.client_for(role).get(PAGES[language][0]))
    assert links == [
        (words["my_page"], f"{PREFIX[language]}/mina-sidor/"),
        (words["admin"], reverse("wagtailadmin_home")),
        (words["log_out"], f"{PREFIX[language]}/accounts/logout/"),
    ]


def test_the_link_says_so_when_it_is_the_page_one_is_on(world):
    client = world.client_for("participant")
    menu = html(client.get("/mina-sidor/")).select_one("header nav.account-link")
    assert menu.select_one('a[aria-current="page"]')["href"] == "/mina-sidor/"
    assert not html(client.get("/")).select_one('header nav.account-link a[aria-current]')


def test_the_menu_is_a_labelled_navigation_of_its_own(world):
    """A landmark with a name unlike the other navigations' (main menu, language, footer)."""
    page = html(world.client_for("participant").get("/"))
    labels = [nav.get("aria-label") for nav in page.select("nav")]
    assert "Kontomeny" in labels and labels.count("Kontomeny") == 1


def test_the_admin_link_reads_the_permissions_once_with_the_user_bar(world):
    """Whether to show the admin link is the permission Wagtail's user bar reads on the same page, kept
    on the user object by Django's backend: the header adds no permission query of its own."""
    client = world.client_for("organiser")
    client.get("/sok/")  # warm the site caches
    with CaptureQueriesContext(connection) as page:
        client.get("/sok/")
    permission_reads = [query["sql"] for query in page.captured_queries if "auth_permission" in query["sql"]]
    assert len(permission_reads) <= 2, permission_reads  # the user's own, and their groups'
