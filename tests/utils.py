"""Helpers for reading responses the way a visitor sees them."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.utils import translation

SWEDISH_CATALOGUE = Path(settings.BASE_DIR) / "locale" / "sv" / "LC_MESSAGES" / "django.mo"


def swedish_catalogue_compiled() -> bool:
    return SWEDISH_CATALOGUE.exists()


def html(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def text_of(node) -> str:
    """Visible text with whitespace collapsed."""
    return " ".join(node.get_text(" ").split())


def url_in(page, language: str) -> str:
    """The page's path in a language: '/…' for Swedish (default), '/en/…' for English."""
    with translation.override(language):
        return page.get_url()


def main(response):
    return html(response).find("main")


def card_titles(response) -> list[str]:
    """Titles of the consultation cards, in the order shown."""
    return [text_of(node) for node in html(response).select(".card__title")]


def translated(message: str, language: str) -> str:
    with translation.override(language):
        return translation.gettext(message)


def section(document, heading: str):
    """The <section> (or nearest container) whose h2 reads `heading`; fails when there is none."""
    for h2 in document.find_all("h2"):
        if text_of(h2) == heading:
            return h2.find_parent("section") or h2.parent
    headings = [text_of(h2) for h2 in document.find_all("h2")]
    raise AssertionError(f"no section headed {heading!r}; headings are {headings}")


def h1(document) -> str:
    headings = document.find_all("h1")
    assert len(headings) == 1, f"one h1 per page, found {len(headings)}"
    return text_of(headings[0])
