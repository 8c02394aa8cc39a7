"""Pages in a national minority language, served in the Swedish interface (docs/languages.md).

A URL such as /fi/mika-on-sakrad/ chooses Finnish, and Wagtail finds the page in the Finnish tree.
Once it is found, the rest of the request speaks the interface's language: Swedish, which is what a
gettext string falls back to, but which a library's Finnish catalogue would otherwise answer for
its own msgids ("Search" → "Haku"), leaving the interface half Finnish. The page's own language is
kept on the request (`content_language`), for <html lang>.

Anything else under a minority prefix (a search, the login, a Swedish page) lives at its Swedish
address and is sent there: only translated pages have a /fi/… address.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from wagtail.models import Page

from .languages import DEFAULT, INTERFACE, interface_language, is_right_to_left

SAFE_METHODS = ("GET", "HEAD")


class ContentLanguageMiddleware:
    """After the URL is resolved in its language (LocaleMiddleware), before the view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        language = translation.get_language()
        if language in INTERFACE or request.resolver_match is None:
            return None
        page = None
        if request.resolver_match.url_name == "wagtail_serve":
            # Routed now, in the URL's language; Wagtail's serve view reuses the route, cached on the request.
            path = view_args[0] if view_args else view_kwargs.get("path", "")
            route = Page.route_for_request(request, path)
            page = route[0] if route else None
        if page is not None and page.locale.language_code == language:
            request.content_language = language
        elif request.method in SAFE_METHODS:
            return HttpResponseRedirect(translate_url(request.get_full_path(), DEFAULT))
        translation.activate(DEFAULT)
        return None


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # in the language itself
    url: str


@dataclass(frozen=True)
class PageLanguages:
    document: str  # <html lang>
    interface: str
    right_to_left: bool
    links: tuple[LanguageLink, ...]  # every language this page is in, the current one included

    @property
    def interface_differs(self) -> bool:
        """The chrome (in the interface's language) needs its own lang attribute."""
        return self.document != self.interface

    @property
    def others(self) -> tuple[LanguageLink, ...]:
        return tuple(link for link in self.links if link.code != self.document)


def page_languages_for(request, page=None) -> PageLanguages:
    """The languages of this response: the document's, the interface's, and where each other is.

    A page of the Swedish tree has its Swedish and English addresses (as before translations) and
    each live translation; a translation has the same set. Any other view: Swedish and English."""
    interface = interface_language()
    document = getattr(request, "content_language", "") or interface
    if isinstance(page, Page) and page.pk:
        links = _page_links(request, page)
    else:
        links = [_link(code, translate_url(request.get_full_path(), code)) for code in INTERFACE]
    return PageLanguages(
        document=document,
        interface=interface,
        right_to_left=is_right_to_left(document),
        links=tuple(links),
    )


def _page_links(request, page: Page) -> list[LanguageLink]:
    translations = {
        member.locale.language_code: member
        for member in page.get_translations(inclusive=True).live().select_related("locale")
    }
    original = translations.pop(DEFAULT, None)
    links = []
    if original is not None:
        for code in INTERFACE:
            if original.pk == page.pk:  # its address as requested: query string and sub-route kept
                url = translate_url(request.get_full_path(), code)
            else:
                with translation.override(code):
                    url = original.get_url(request)
            links.append(_link(code, url))
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code in translations:
            links.append(_link(code, translations[code].get_url(request)))
    return links


def _link(code: str, url: str) -> LanguageLink:
    return LanguageLink(code=code, name=get_language_info(code)["name_local"], url=url)
