"""Every staff screen, and whose job it is: the table docs/roles.md writes out in words.

A screen answers 200 to a GET from each role it lists (and to superusers); the other staff roles get
`refusal`: a real 403 on our own screens, Wagtail's bounce to the dashboard (302) on its own, and 404
on the pages outside the admin that do not admit to existing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from tests.registry import join_request_pending, organisation_import_run
from tests.world import World

ORGANISER, APPROVER, EDITOR = "organiser", "approver", "editor"
STAFF_ROLES = (ORGANISER, APPROVER, EDITOR)


@dataclass(frozen=True)
class Screen:
    name: str
    path: Callable[[World], str]
    roles: frozenset[str]
    refusal: int = 403

    def __str__(self):
        return self.name


def _url(pattern: str, arg: Callable[[World], object] | None = None) -> Callable[[World], str]:
    def path(world: World) -> str:
        return reverse(pattern, args=[arg(world)] if arg else [])

    return path


def _edit(attribute: str) -> Callable[[World], str]:
    return _url("wagtailadmin_pages:edit", lambda w: getattr(w, attribute).pk)


def organisers(name, path, refusal=403) -> Screen:
    return Screen(name, path, frozenset({ORGANISER}), refusal)


def consultation(w):
    return w.consultation.pk


def upcoming(w):
    return w.other_consultation.pk


def year(w):
    return w.consultation.date.year


SCREENS: list[Screen] = [
    # --- Every staff role: the dashboard (approvers find there what waits for them) ------------------
    Screen("dashboard", _url("wagtailadmin_home"), frozenset(STAFF_ROLES)),
    # --- Pages: organisers and editors; approvers hold no page permission -----------------------------
    Screen("explorer", _url("wagtailadmin_explore_root"), frozenset({ORGANISER, EDITOR}), 302),
    Screen("edit a published consultation", _edit("consultation"), frozenset({ORGANISER, EDITOR}), 302),
    Screen("edit a published standard page", _edit("standard_page"), frozenset({ORGANISER, EDITOR}), 302),
    Screen("edit a minutes draft", _edit("draft_minutes"), frozenset({ORGANISER, EDITOR}), 302),
    # --- Planning: organisers -------------------------------------------------------------------------
    organisers(
        "add a consultation",
        lambda w: reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", w.index.pk]),
        302,
    ),
    organisers("themes", _url("wagtailsnippets_consultations_theme:list"), 302),
    organisers("organisations", _url("wagtailsnippets_organisations_organisation:list"), 302),
    organisers("people", _url("wagtailsnippets_organisations_person:list"), 302),
    organisers("organisation contact link",
               _url("organisation_details_admin:contact", lambda w: w.organisation.pk)),
    organisers("documents", _url("wagtaildocs:index"), 302),
    organisers("images", _url("wagtailimages:index"), 302),
    organisers("working group", _url("working_groups_admin:index", lambda w: w.draft.pk)),
    organisers("working group's draft page", _url("working_groups:draft", lambda w: w.draft.pk), 404),
    organisers("invitations", _url("invitations_admin:index", upcoming)),
    organisers("invitation list", _url("invitations_admin:build", upcoming)),
    organisers("sending", _url("invitations_admin:sends", upcoming)),
    organisers("e-mail", _url("outbox_admin:index", upcoming)),
    organisers("attendance list", _url("invitations_admin:attendance", upcoming)),
    organisers("check-in", _url("invitations_admin:check_in", upcoming)),
    organisers("attendees CSV", _url("invitations_admin:export", upcoming)),
    organisers("open input", _url("open_input_admin:index", upcoming)),
    # --- The day: organisers --------------------------------------------------------------------------
    organisers("breakout groups", _url("breakouts_admin:groups", consultation)),
    organisers("breakout group snippets", _url("wagtailsnippets_breakouts_breakoutgroup:list"), 302),
    organisers("a group's notes", _url("breakouts:group", lambda w: w.breakout_group.pk)),
    organisers("plenary wall", _url("breakouts:plenary", consultation)),
    organisers("questions to the panel", _url("panel_questions_admin:index", consultation)),
    organisers("prioritising", _url("priorities_admin:index", consultation)),
    organisers("the phone page's vote", _url("priorities:vote", consultation)),
    # --- Afterwards: organisers -----------------------------------------------------------------------
    organisers("compile minutes", _url("minutes_admin:compile", lambda w: w.held_consultation.pk)),
    organisers("corrections", _url("corrections_admin:index", lambda w: w.draft_minutes.pk)),
    organisers("what happened next", _url("follow_up_admin:index", lambda w: w.minutes.pk)),
    organisers("review page", _url("corrections:review", lambda w: w.draft_minutes.pk), 404),
    organisers("registry and archive", _url("records_admin:consultation", consultation)),
    organisers("representation", _url("representation_admin:index")),
    organisers("representation of a year", _url("representation_admin:year", year)),
    organisers("representation of a consultation", _url("representation_admin:consultation", consultation)),
    organisers("representation CSV", _url("representation_admin:consultation_csv", consultation)),
    organisers("duplicate", _url("consultations_admin:duplicate", consultation)),
    organisers("organisation import", _url("organisation_import:index")),
    organisers("organisation export", _url("organisation_import:export_csv")),
    organisers("an import's report", _url("organisation_import:report", organisation_import_run)),
    organisers("evaluation", _url("evaluations_admin:consultation", lambda w: w.held_consultation.pk)),
    organisers("evaluations", _url("evaluations_admin:index")),
    organisers("evaluations of a year", _url("evaluations_admin:year", year)),
    # --- The register: organisers vet requests to take part (they may add organisations) --------------
    organisers("requests to take part", _url("join_requests_admin:index")),
    organisers("a request to take part", _url("join_requests_admin:detail", join_request_pending)),
]

# The ⋯ menu of a consultation (page header and page listing), and of a minutes page: each item's link.
CONSULTATION_MENU: dict[str, str] = {
    "Invitations": "invitations_admin:index",
    "E-mail": "outbox_admin:index",
    "Check-in": "invitations_admin:check_in",
    "Breakout groups": "breakouts_admin:groups",
    "Compile minutes": "minutes_admin:compile",
    "Working group": "working_groups_admin:index",
    "Open input": "open_input_admin:index",
    "Questions to the panel": "panel_questions_admin:index",
    "Prioritising": "priorities_admin:index",
    "Representation": "representation_admin:consultation",
    "Registry and archive": "records_admin:consultation",
    "Duplicate as next consultation": "consultations_admin:duplicate",
    "Evaluation": "evaluations_admin:consultation",
}
MINUTES_MENU: dict[str, str] = {"Corrections from attendees": "corrections_admin:index"}


def cases(*, allowed: bool) -> list[tuple[Screen, str]]:
    """(screen, role) pairs: each role on the screens of its job, or on all the others."""
    return [(screen, role) for screen in SCREENS for role in STAFF_ROLES if (role in screen.roles) == allowed]


def case_id(value) -> str:
    return str(value)
