"""Which of our pages the accessibility checks visit: registry rows, per role and language."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from tests.registry import ENDPOINTS, NotYetRouted, Role

# Not our pages: the Wagtail and Django admins are out of scope here.
NOT_OURS = ("/admin/", "/django-admin/")
# Rows that answer with something other than an HTML page (downloads, XML, JSON).
NOT_HTML = {
    "sitemap",
    "robots_txt",
    "healthz",
    "readyz",
    "document",
    "private_document",
    "privacy_export",
    "minutes_pdf",
    "minutes_feed",
    "outcomes_feed",
    "outcomes_theme_feed",
    "calendar_feed",
    "consultation_ics",
    "draft_consultation_ics",
    "api_pages",
    "api_page",
    "api_find_unknown",
    "panel_questions_wall",  # a fragment of the wall, fetched by its script; the wall itself is checked
}
# Rows whose error answer is one of our own pages (404.html, 403.html): checked like the rest.
ERROR_PAGES = {"page_not_found": 404, "wagtail_frontend_login": 403}


@dataclass(frozen=True)
class Visit:
    """One page to load: a registry row in one language, as one role."""

    name: str  # "consultation", "consultation [en]"
    path: str
    status: int
    language: str  # what <html lang> must say
    editor_content: bool  # a Wagtail page: its title and texts are written by editors, in Swedish


def our_pages(world, role: Role, *, extra: list[Visit] | None = None) -> list[Visit]:
    """Every HTML page of ours (registry rows, admin excluded) that `role` can load.

    Each in Swedish; public rows also in English (/en/). Rows not routed yet are left out.
    """
    visits: list[Visit] = []
    for row in ENDPOINTS:
        if row.kind not in ("page", "view") or row.name in NOT_HTML:
            continue
        status = row.expect[role]
        if status != 200 and ERROR_PAGES.get(row.name) != status:
            continue
        try:
            path = row.url(world)
        except NotYetRouted:
            continue
        if path.startswith(NOT_OURS):
            continue
        editor_content = row.pattern == "wagtail_serve" and status == 200
        language = "en" if path.startswith("/en/") else "sv"
        visits.append(Visit(row.name, path, status, language, editor_content))
        if row.public and language == "sv":
            with translation.override(settings.LANGUAGE_CODE):
                english = translate_url(path, "en")
            if english != path:
                visits.append(Visit(f"{row.name} [en]", english, status, "en", editor_content))
    return visits + (extra or [])


def statement_visits(statement) -> list[Visit]:
    path = statement.get_url()
    return [
        Visit("accessibility_statement", path, 200, "sv", True),
        Visit("accessibility_statement [en]", f"/en{path}", 200, "en", True),
    ]


def pages_by_role(world, roles: list[Role], *, extra: list[Visit] | None = None) -> dict[Role, list[Visit]]:
    """Each page of ours once, for the first role in `roles` that can load it (`extra` for the first)."""
    seen: set[str] = set()
    by_role: dict[Role, list[Visit]] = {}
    for number, role in enumerate(roles):
        visits = [
            visit
            for visit in our_pages(world, role, extra=extra if number == 0 else None)
            if visit.path not in seen
        ]
        seen.update(visit.path for visit in visits)
        by_role[role] = visits
    return by_role
