"""Every endpoint of ours, and what each role must get from it: the table the quality gates share.

Add a row when you add a URL, a page type or a websocket route; `tests/security/test_coverage.py`
fails until you do. The access matrix, the header checks and (other helpers') accessibility
checks all read `ENDPOINTS`.

An expectation is the status of the *first* response to a GET (no redirects followed), or for
a websocket whether the handshake is accepted. Where a 302 leads: to `redirect` when the row
names one; otherwise, for "anonymous", to the allauth login with ?next= back here, and for a
logged-in role somewhere that answers without looping back to a login form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

if TYPE_CHECKING:
    from tests.world import World

Role = Literal[
    "anonymous",
    "participant_other",  # their organisation is invited, but only to another consultation
    "participant",  # their organisation has an accepted invitation to this consultation
    "group_member",  # a participant in a breakout group; for now the same data as participant
    "organiser",  # staff, group "Organisers" as migration staff_roles 0001 makes it (docs/roles.md)
    "approver",  # staff, group "Approvers" as that migration makes it: approves minutes, nothing else
    "superuser",
]
ROLES: tuple[Role, ...] = get_args(Role)
LOGGED_IN_ROLES: tuple[Role, ...] = tuple(role for role in ROLES if role != "anonymous")
PARTICIPANT_ROLES: tuple[Role, ...] = ("participant_other", "participant", "group_member")
STAFF_ROLES: tuple[Role, ...] = ("organiser", "approver", "superuser")

Kind = Literal["page", "view", "websocket"]
Status = Literal[200, 302, 403, 404, 405, 410]
Handshake = Literal["accept", "refuse"]
Expect = Status | Handshake


class NotYetRouted(Exception):
    """The row's URL does not exist yet (a feature written ahead of its tests); the row is skipped."""


@dataclass(frozen=True)
class Endpoint:
    name: str  # unique, used as the test id
    path: Callable[[World], str]
    kind: Kind
    expect: dict[Role, Expect]
    public: bool  # meant for anyone without an account: published content and the login page
    pattern: str  # URL pattern name ("namespace:name") or, when unnamed, its route
    redirect: Callable[[World], str] | None = field(default=None, kw_only=True)  # where its 302s go

    def __post_init__(self):
        missing = set(ROLES) - set(self.expect)
        unknown = set(self.expect) - set(ROLES)
        if missing or unknown:
            raise ValueError(f"{self.name}: expect must list every role (missing {missing}, extra {unknown})")
        handshakes = set(get_args(Handshake))
        if (self.kind == "websocket") != all(value in handshakes for value in self.expect.values()):
            raise ValueError(f"{self.name}: websockets expect accept/refuse, HTTP rows a status")
        if self.public and self.expect["anonymous"] != 200:
            raise ValueError(f"{self.name}: a public endpoint must answer anonymous visitors with 200")

    def url(self, world: World) -> str:
        """The path to request; raises NotYetRouted when its URL pattern does not exist yet."""
        try:
            # In the default language: a previous request may have left English active.
            with translation.override(settings.LANGUAGE_CODE):
                return self.path(world)
        except NoReverseMatch as error:
            raise NotYetRouted(self.pattern) from error


def url_or_skip(row: Endpoint, world: World) -> str:
    """`row.url(world)` in a test: a row written ahead of its URL is skipped until the URL exists."""
    import pytest

    try:
        return row.url(world)
    except NotYetRouted:
        pytest.skip(f"{row.pattern} is not routed yet")


def everyone(expect: Expect) -> dict[Role, Expect]:
    return dict.fromkeys(ROLES, expect)


def roles(default: Expect, **overrides: Expect) -> dict[Role, Expect]:
    """`roles(302, organiser=200)`: one value for all roles, some roles overridden by name."""
    unknown = set(overrides) - set(ROLES)
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    return {role: overrides.get(role, default) for role in ROLES}


def logged_in(expect: Expect, anonymous: Expect = 302) -> dict[Role, Expect]:
    """Anonymous visitors are sent to the login; every logged-in role gets `expect`."""
    return roles(expect, anonymous=anonymous)


def staff(expect: Expect = 200, others: Expect = 302, **overrides: Expect) -> dict[Role, Expect]:
    """The Wagtail admin: staff get `expect`; anyone else is sent to the login (302)."""
    return roles(others, **{**dict.fromkeys(STAFF_ROLES, expect), **overrides})


def organisers_only(expect: Expect = 200) -> dict[Role, Expect]:
    """An organiser's screen (docs/roles.md): organisers and superusers get `expect`, approvers a real
    403, anyone else is sent to the login."""
    return staff(expect, approver=403)


def page_path(attribute: str) -> Callable[[World], str]:
    def path(world: World) -> str:
        return getattr(world, attribute).get_url()

    path.__name__ = f"page_path_{attribute}"
    return path


def home(world: World) -> str:
    return "/"


def login(world: World) -> str:
    return reverse("account_login")


def named(pattern: str, *args) -> Callable[[World], str]:
    def path(world: World) -> str:
        return reverse(pattern, args=args)

    return path


def invitations_admin(name: str) -> Callable[[World], str]:
    def path(world: World) -> str:
        return reverse(f"invitations_admin:{name}", args=[world.other_consultation.pk])

    path.__name__ = f"invitations_admin_{name}"
    return path


def working_group_member_remove(world: World) -> str:
    from working_groups.models import WorkingGroupMember

    member = WorkingGroupMember.objects.get(consultation=world.draft)
    return reverse("working_groups_admin:member_remove", args=[member.pk])


def path_with(pattern: str, arg: Callable[[World], object]) -> Callable[[World], str]:
    """The path of `pattern` with one argument read off the world."""

    def path(world: World) -> str:
        return reverse(pattern, args=[arg(world)])

    path.__name__ = f"path_{pattern.replace(':', '_')}"
    return path


def follow_up_admin(name: str) -> Callable[[World], str]:
    """A follow-up screen of the world's published minutes: their one follow-up, made the first time a
    row asks (the world has none of its own; published, so nothing hidden is added)."""

    def path(world: World) -> str:
        import datetime as dt

        from minutes.models import FollowUp

        follow_up = FollowUp.objects.filter(page=world.minutes).order_by("pk").first()
        follow_up = follow_up or FollowUp.objects.create(
            page=world.minutes, date=dt.date(2025, 1, 15), text="<p>Uppföljning.</p>"
        )
        return reverse(f"follow_up_admin:{name}", args=[world.minutes.pk, follow_up.pk])

    path.__name__ = f"follow_up_admin_{name}"
    return path


def register_takeaway_id(world: World) -> int:
    """The published minutes' takeaway (the world's carry-over one): listed in /uppfoljning/."""
    from minutes.models import Takeaway

    return Takeaway.objects.filter(page=world.minutes).order_by("pk").values_list("pk", flat=True).first()


def draft_takeaway_id(world: World) -> int:
    """A takeaway of the draft minutes in a correction round, made the first time a row asks: not listed."""
    from minutes.models import Takeaway

    found = Takeaway.objects.filter(page=world.draft_minutes).order_by("pk").first()
    return (found or Takeaway.objects.create(page=world.draft_minutes, text="Ett utkast.")).pk


def register_theme_slug(world: World) -> str:
    from consultations.models import Theme

    return Theme.objects.get_or_create(slug="uppfoljning-tema", defaults={"name": "Uppföljningstema"})[0].slug


# The world's evaluation link: fixed, so each role and each check asks for the same page.
EVALUATION_TOKEN = "world-evaluation-link-" + "x" * 21


def evaluation_link(world: World) -> str:
    """An open evaluation of the held consultation and a link for its attendee ("participant"), made the
    first time a row asks (and opened again should a test have used or closed it)."""
    import datetime as dt

    from django.utils import timezone

    from evaluations.models import Evaluation, EvaluationLink
    from invitations.models import Attendee
    from invitations.tokens import token_hash

    evaluation, _created = Evaluation.objects.update_or_create(
        consultation=world.held_consultation, defaults={"closes_at": timezone.now() + dt.timedelta(days=14)}
    )
    attendee = Attendee.objects.filter(consultation=world.held_consultation).order_by("pk").first()
    EvaluationLink.objects.update_or_create(
        evaluation=evaluation, attendee=attendee, defaults={"token_hash": token_hash(EVALUATION_TOKEN)}
    )
    return reverse("evaluations:answer", args=[world.held_consultation.pk, EVALUATION_TOKEN])


# The contact person's links (organisation_details/): fixed, so each role and each check asks for the
# same page. "participant" is the contact person of the world's organisation.
ORGANISATION_LINK_TOKEN = "world-organisation-link-" + "x" * 19
ORGANISATION_EXPIRED_TOKEN = "world-organisation-link-" + "y" * 19
ORGANISATION_CONFIRM_TOKEN = "world-organisation-mail-" + "z" * 19


def organisation_contact(world: World):
    """The world's organisation with "participant" as its contact person and a personal link, a new
    address waiting for its confirmation, and the other organisation's link expired; made the first
    time a row asks."""
    import datetime as dt

    from django.utils import timezone

    from invitations.tokens import token_hash
    from organisations.models import ContactEmailChange, ContactLink

    organisation, later = world.organisation, timezone.now() + dt.timedelta(days=7)
    organisation.contact_name, organisation.contact_email = "Dana Deltagare", world.user("participant").email
    organisation.save(update_fields=["contact_name", "contact_email"])
    ContactLink.objects.update_or_create(
        organisation=organisation,
        defaults={"token_hash": token_hash(ORGANISATION_LINK_TOKEN), "email": organisation.contact_email,
                  "expires_at": later},
    )
    ContactEmailChange.objects.update_or_create(
        organisation=organisation,
        defaults={
            "email": "ny-kontakt@example.org",
            "token_hash": token_hash(ORGANISATION_CONFIRM_TOKEN),
            "expires_at": later,
        },
    )
    other = world.other_organisation
    other.contact_email = world.user("participant_other").email
    other.save(update_fields=["contact_email"])
    ContactLink.objects.update_or_create(
        organisation=other,
        defaults={
            "token_hash": token_hash(ORGANISATION_EXPIRED_TOKEN),
            "email": other.contact_email,
            "expires_at": timezone.now() - dt.timedelta(days=1),
        },
    )
    return organisation


def organisation_details(pattern: str, token: str) -> Callable[[World], str]:
    def path(world: World) -> str:
        organisation_contact(world)
        return reverse(pattern, args=[token])

    return path


def join_request_pending(world: World) -> int:
    """A confirmed request to take part, waiting to be vetted, made the first time a row asks."""
    from django.utils import timezone

    from join_requests.models import JoinRequest, JoinRequestStatus

    found = JoinRequest.objects.filter(status=JoinRequestStatus.PENDING).order_by("pk").first()
    return (found or JoinRequest.objects.create(
        organisation_name="Föreningen Ny Röst", kind="association", county="AB", contact_name="Ada Ny",
        contact_email="ada@nyrost.example.org", motivation="Vi vill vara med.", consented_at=timezone.now(),
        status=JoinRequestStatus.PENDING, confirmed_at=timezone.now(),
    )).pk


def organisation_import_run(world: World) -> int:
    """A confirmed import of the register, made the first time a row asks (its uploader is nobody's)."""
    from organisation_import.models import ImportRun

    found = ImportRun.objects.filter(status=ImportRun.Status.DONE).order_by("pk").first()
    return (found or ImportRun.objects.create(status=ImportRun.Status.DONE, file_format="utf-8")).pk


def draft_minutes_admin(name: str) -> Callable[[World], str]:
    return path_with(f"corrections_admin:{name}", lambda world: world.draft_minutes.pk)


# A group's live notes: its members and the staff who run the groups; everyone else is refused.
NOTES_SOCKET_ROLES = roles("refuse", group_member="accept", organiser="accept", superuser="accept")
PANEL_ROLES = roles(403, anonymous=302, participant=200, group_member=200, organiser=200, superuser=200)
PANEL_SOCKET_ROLES = roles(
    "refuse", participant="accept", group_member="accept", organiser="accept", superuser="accept"
)

ENDPOINTS: list[Endpoint] = [
    # --- Wagtail pages, one row per page type and per publication state ---------------------
    Endpoint("home", page_path("home"), "page", everyone(200), True, "wagtail_serve"),
    Endpoint("home_en", lambda w: "/en/", "page", everyone(200), True, "wagtail_serve"),
    Endpoint("consultation_index", page_path("index"), "page", everyone(200), True, "wagtail_serve"),
    Endpoint("consultation", page_path("consultation"), "page", everyone(200), True, "wagtail_serve"),
    Endpoint(
        "consultation_upcoming", page_path("other_consultation"), "page", everyone(200), True, "wagtail_serve"
    ),
    Endpoint("minutes", page_path("minutes"), "page", everyone(200), True, "wagtail_serve"),
    Endpoint("annual_cycle", page_path("annual_cycle"), "page", everyone(200), True, "wagtail_serve"),
    Endpoint("annual_cycle_year", lambda w: f"{w.annual_cycle.get_url()}{w.consultation.date.year}/", "page",
             everyone(200), True, "wagtail_serve"),
    Endpoint("standard_page", page_path("standard_page"), "page", everyone(200), True, "wagtail_serve"),
    Endpoint("minutes_pdf", lambda w: f"{w.minutes.get_url()}pdf/", "view", everyone(200), False,
             "wagtail_serve"),
    # Easy-to-read versions (sakrad/easy_read.py): sub-routes of the pages; 404 where a page has none.
    Endpoint("consultation_easy_read", lambda w: f"{w.consultation.get_url()}lattlast/", "page",
             everyone(200), True, "wagtail_serve"),
    Endpoint("minutes_easy_read", lambda w: f"{w.minutes.get_url()}lattlast/", "page", everyone(200), True,
             "wagtail_serve"),
    Endpoint("consultation_without_easy_read", lambda w: f"{w.held_consultation.get_url()}lattlast/", "page",
             everyone(404), False, "wagtail_serve"),
    Endpoint("search", named("search"), "view", everyone(200), True, "search"),
    Endpoint("minutes_feed", named("feeds:minutes"), "view", everyone(200), False, "feeds:minutes"),
    Endpoint("api_pages", lambda w: "/api/v2/pages/", "view", everyone(200), False,
             "wagtailapi:pages:listing"),
    Endpoint("api_page", lambda w: f"/api/v2/pages/{w.minutes.pk}/", "view", everyone(200), False,
             "wagtailapi:pages:detail"),
    Endpoint("api_find_unknown", lambda w: "/api/v2/pages/find/?html_path=/finns-inte/", "view",
             everyone(404), False, "wagtailapi:pages:find"),
    # Drafts and pages awaiting approval are never served, not even to staff (they preview in the admin).
    Endpoint("draft_consultation", lambda w: f"{w.index.get_url()}utkast/", "page", everyone(404), False,
             "wagtail_serve"),
    Endpoint("consultation_in_moderation", lambda w: f"{w.index.get_url()}granskning/", "page", everyone(404),
             False, "wagtail_serve"),
    Endpoint("private_page", page_path("private_page"), "page", logged_in(200), False, "wagtail_serve"),
    Endpoint("page_not_found", lambda w: "/finns-inte/", "page", everyone(404), False, "wagtail_serve"),
    Endpoint("sitemap", lambda w: "/sitemap.xml", "view", everyone(200), False, "sitemap.xml"),
    Endpoint("robots_txt", named("robots_txt"), "view", everyone(200), False, "robots_txt"),
    # --- Probes of the deployment (sakrad/health.py): no personal data, never cached ----------
    Endpoint("healthz", named("healthz"), "view", everyone(200), False, "healthz"),
    Endpoint("readyz", named("readyz"), "view", everyone(200), False, "readyz"),
    # --- Documents: always downloads; a restricted collection needs a login ------------------
    Endpoint("document", lambda w: w.document.url, "view", everyone(200), False, "wagtaildocs_serve"),
    Endpoint("private_document", lambda w: w.private_document.url, "view", logged_in(200), False,
             "wagtaildocs_serve"),
    # Shared passwords are switched off, so there is no restriction to authenticate against.
    Endpoint("document_password", named("wagtaildocs_authenticate_with_password", 0), "view", everyone(404),
             False, "wagtaildocs_authenticate_with_password"),
    Endpoint("page_password", named("wagtailcore_authenticate_with_password", 0, 0), "view", everyone(404),
             False, "wagtailcore_authenticate_with_password"),
    # --- allauth: the only way in -------------------------------------------------------------
    # Someone logged in is sent where a login lands, which depends on the role (participants their own
    # page, staff the admin: accounts/adapter.py, tests/accounts/test_login_landing.py); here only that
    # it answers without a loop back to a login form.
    Endpoint("login", named("account_login"), "view", logged_in(302, anonymous=200), True, "account_login"),
    Endpoint("login_by_code", named("account_request_login_code"), "view", logged_in(302, anonymous=200),
             False, "account_request_login_code"),
    Endpoint("signup_closed", named("account_signup"), "view", logged_in(302, anonymous=200), False,
             "account_signup"),
    Endpoint("password_reset", named("account_reset_password"), "view", everyone(200), False,
             "account_reset_password"),
    Endpoint("logout", named("account_logout"), "view", logged_in(200), False, "account_logout",
             redirect=home),
    Endpoint("account_email", named("account_email"), "view", logged_in(200), False, "account_email"),
    Endpoint("mfa_index", named("mfa_index"), "view", logged_in(200), False, "mfa_index"),
    # Wagtail's own front-end login (/_util/login/) would skip allauth's rate limits and MFA.
    Endpoint("wagtail_frontend_login", lambda w: "/_util/login/", "view", logged_in(403, anonymous=302),
             False, "_util/login/", redirect=login),
    # --- Our own views -----------------------------------------------------------------------
    # "My data": everyone logged in downloads their own (privacy/views.py).
    Endpoint("privacy_export", named("privacy:export"), "view", logged_in(200), False, "privacy:export"),
    # Erasing a person (privacy/admin_views.py): superusers and holders of privacy.erase_person only;
    # other staff get a real 403, not Wagtail's redirect to the dashboard.
    Endpoint("privacy_erase", lambda w: reverse("privacy_admin:erase", args=[w.user("participant").pk]),
             "view", staff(organiser=403, approver=403), False, "privacy_admin:erase"),
    # The RSVP link from the invitation email: the token is the credential, no account needed.
    Endpoint("rsvp", lambda w: reverse("invitations:rsvp", args=[w.rsvp_token]), "view", everyone(200), False,
             "invitations:rsvp"),
    Endpoint("rsvp_unknown_link", named("invitations:rsvp", "A" * 43), "view", everyone(404), False,
             "invitations:rsvp"),
    Endpoint("rsvp_revoked_link", lambda w: reverse("invitations:rsvp", args=[w.revoked_rsvp_token]), "view",
             everyone(410), False, "invitations:rsvp"),
    # A participant's own page (accounts/views.py): everyone logged in sees their own.
    Endpoint("my_page", named("accounts:my_page"), "view", logged_in(200), False, "accounts:my_page"),
    # --- The organisers' invitation screens (invitations/admin_views/), on the upcoming consultation.
    # Organisers hold invitations.change_invitation and may edit the page; approvers are staff
    # without it and get a real 403. The action URLs take POST only (405 to a GET).
    *[
        Endpoint(f"invitations_admin_{name}", invitations_admin(name), "view", expect, False,
                 f"invitations_admin:{name}")
        for name, expect in [
            ("index", staff(approver=403)),
            ("build", staff(approver=403)),
            ("sends", staff(approver=403)),
            ("export", staff(approver=403)),
            ("attendance", staff(approver=403)),
            ("check_in", staff(approver=403)),
            ("send", staff(405, approver=403)),
            ("revoke", staff(405, approver=403)),
            ("held_resolve", staff(405, approver=403)),
            ("remind", staff(405, approver=403)),
            ("retry", staff(405, approver=403)),
            # Asking before removing, promoting, withdrawing: the GET needs a row's id (404 without).
            ("remove", staff(404, approver=403)),
            ("promote", staff(404, approver=403)),
            ("attendee_remove", staff(404, approver=403)),
        ]
    ],
    # --- The consultation's outbox (outbox/admin_views.py): organisers (outbox.change_outboxmail and
    # the page); approvers get a real 403. Retry takes POST only.
    Endpoint("outbox_admin_index", path_with("outbox_admin:index", lambda w: w.other_consultation.pk), "view",
             staff(approver=403), False, "outbox_admin:index"),
    Endpoint("outbox_admin_retry", path_with("outbox_admin:retry", lambda w: w.other_consultation.pk), "view",
             staff(405, approver=403), False, "outbox_admin:retry"),
    # --- Wagtail admin: representative rows (the rest is allowlisted by prefix) ---------------
    Endpoint("admin_login", lambda w: "/admin/login/", "view", logged_in(403, anonymous=302), False,
             "admin/login/", redirect=login),
    Endpoint("admin_home", named("wagtailadmin_home"), "view", staff(), False, "wagtailadmin_home"),
    # Organisers hold their page permissions on the root of the tree; approvers hold none (the approval
    # task opens what they approve), so Wagtail sends them back to the dashboard (302).
    Endpoint("admin_explorer", named("wagtailadmin_explore_root"), "view", staff(approver=302), False,
             "wagtailadmin_explore_root"),
    Endpoint("admin_edit_consultation", lambda w: f"/admin/pages/{w.consultation.pk}/edit/", "view",
             staff(approver=302), False, "wagtailadmin_pages:edit"),
    # Approvers have no collection permissions; Wagtail sends them back to the dashboard (302).
    Endpoint("admin_documents", named("wagtaildocs:index"), "view", staff(approver=302), False,
             "wagtaildocs:index"),
    Endpoint("admin_organisations", named("wagtailsnippets_organisations_organisation:list"), "view",
             staff(approver=302), False, "wagtailsnippets_organisations_organisation:list"),
    # Breakout groups (breakouts/): the snippets, and a consultation's groups and note-taking screen;
    # approvers lack the breakout permissions: Wagtail bounces them from snippets, our screen says 403.
    Endpoint("admin_breakout_groups", named("wagtailsnippets_breakouts_breakoutgroup:list"), "view",
             staff(approver=302), False, "wagtailsnippets_breakouts_breakoutgroup:list"),
    Endpoint("admin_breakouts_consultation",
             lambda w: reverse("breakouts_admin:groups", args=[w.consultation.pk]), "view",
             organisers_only(), False, "breakouts_admin:groups"),
    # Our own screens below ask for their app's permission, which only organisers hold, and rights on the
    # consultation's page (sakrad.roles.staff_may): approvers get a real 403.
    # Compiling a consultation's minutes (minutes/admin_views.py).
    Endpoint("admin_minutes_compile", lambda w: reverse("minutes_admin:compile", args=[w.consultation.pk]),
             "view", organisers_only(), False, "minutes_admin:compile"),
    # --- Co-creation (issue 7): working group, open input, corrections; staff screens of each ------
    # The working group's screen of a draft consultation; the POST actions answer a GET with 405.
    Endpoint("admin_working_group", lambda w: reverse("working_groups_admin:index", args=[w.draft.pk]),
             "view", organisers_only(), False, "working_groups_admin:index"),
    Endpoint("admin_working_group_member_add",
             lambda w: reverse("working_groups_admin:member_add", args=[w.draft.pk]), "view", staff(405),
             False, "working_groups_admin:member_add"),
    Endpoint("admin_working_group_member_remove",
             working_group_member_remove, "view", staff(405), False,
             "working_groups_admin:member_remove"),
    Endpoint("admin_working_group_resolve", named("working_groups_admin:resolve", 1), "view", staff(405),
             False, "working_groups_admin:resolve"),
    # Open input's moderation queue and period of the upcoming consultation.
    Endpoint("admin_open_input", lambda w: reverse("open_input_admin:index", args=[w.other_consultation.pk]),
             "view", organisers_only(), False, "open_input_admin:index"),
    Endpoint("admin_open_input_period",
             lambda w: reverse("open_input_admin:period", args=[w.other_consultation.pk]), "view",
             organisers_only(405), False, "open_input_admin:period"),
    Endpoint("admin_open_input_moderate",
             lambda w: reverse("open_input_admin:moderate", args=[w.other_consultation.pk]), "view",
             staff(405), False, "open_input_admin:moderate"),
    # Attendees' corrections to the held consultation's draft minutes.
    *[
        Endpoint(f"admin_corrections_{name}", draft_minutes_admin(name), "view", expect, False,
                 f"corrections_admin:{name}")
        for name, expect in [("index", organisers_only()), ("open", staff(405)), ("close", staff(405)),
                             ("decide", staff(405))]
    ],
    # What happened next on the published minutes (minutes/admin_follow_up.py): takeaway statuses and
    # follow-ups, outside the page's revisions; an organiser's screen. "add" is POST only (405).
    Endpoint("admin_follow_up", path_with("follow_up_admin:index", lambda w: w.minutes.pk), "view",
             organisers_only(), False, "follow_up_admin:index"),
    Endpoint("admin_follow_up_add", path_with("follow_up_admin:add", lambda w: w.minutes.pk), "view",
             organisers_only(405), False, "follow_up_admin:add"),
    *[
        Endpoint(f"admin_follow_up_{name}", follow_up_admin(name), "view", organisers_only(), False,
                 f"follow_up_admin:{name}")
        for name in ("edit", "delete")
    ],
    # --- The annual cycle (issue 8): staff-only figures of who was invited, answered, attended ------
    Endpoint("admin_representation", named("representation_admin:index"), "view", organisers_only(), False,
             "representation_admin:index"),
    *[
        Endpoint(f"admin_representation_{name}", path_with(f"representation_admin:{name}", arg), "view",
                 organisers_only(), False, f"representation_admin:{name}")
        for name, arg in [
            ("year", lambda w: w.consultation.date.year),
            ("year_csv", lambda w: w.consultation.date.year),
            ("consultation", lambda w: w.consultation.pk),
            ("consultation_csv", lambda w: w.consultation.pk),
        ]
    ],
    # --- The register's import and export (issue 22, organisation_import/): organisers ----------------
    *[
        Endpoint(f"organisation_import_{name}", named(f"organisation_import:{name}"), "view",
                 organisers_only(), False, f"organisation_import:{name}")
        for name in ("index", "export_csv", "export_xlsx")
    ],
    # A confirmed run: its page and report; its columns and preview lead back to its page (302).
    *[
        Endpoint(f"organisation_import_{name}",
                 path_with(f"organisation_import:{name}", organisation_import_run), "view", expect, False,
                 f"organisation_import:{name}")
        for name, expect in [("run", organisers_only()), ("report", organisers_only()),
                             ("columns", organisers_only(302)), ("preview", organisers_only(302))]
    ],
    # Registry number and archive export of a consultation; the actions are POST only.
    *[
        Endpoint(f"admin_records_{name}", path_with(f"records_admin:{name}", lambda w: w.consultation.pk),
                 "view", expect, False, f"records_admin:{name}")
        for name, expect in [
            ("consultation", organisers_only()), ("registry_number", staff(405)), ("archive", staff(405))
        ]
    ],
    # Duplicating a consultation as the start of the next one: staff who may add pages beside it.
    Endpoint("admin_consultation_duplicate",
             path_with("consultations_admin:duplicate", lambda w: w.consultation.pk), "view",
             organisers_only(), False, "consultations_admin:duplicate"),
    Endpoint("admin_users", named("wagtailusers_users:index"), "view", staff(organiser=302, approver=302),
             False, "wagtailusers_users:index"),
    Endpoint("admin_password_reset", named("wagtailadmin_password_reset"), "view", everyone(404), False,
             "wagtailadmin_password_reset"),
    # --- Django admin: superusers only --------------------------------------------------------
    Endpoint("django_admin_login", lambda w: "/django-admin/login/", "view", logged_in(403, anonymous=302),
             False, "django-admin/login/", redirect=login),
    Endpoint("django_admin", named("admin:index"), "view", roles(302, superuser=200), False, "admin:index"),
    Endpoint("django_admin_groups", named("admin:auth_group_changelist"), "view", roles(302, superuser=200),
             False, "admin:auth_group_changelist"),
    # --- Breakout groups' pages (breakouts/views.py) ------------------------------------------------
    # A group's live notes: its members and the staff who run the groups; other participants and
    # approvers 403, anonymous to the login.
    Endpoint("group_notes", lambda w: reverse("breakouts:group", args=[w.breakout_group.pk]), "view",
             roles(403, anonymous=302, group_member=200, organiser=200, superuser=200), False,
             "breakouts:group"),
    # The plenary wall of a consultation: the staff who run the day.
    Endpoint("plenary_wall", lambda w: reverse("breakouts:plenary", args=[w.consultation.pk]), "view",
             roles(403, anonymous=302, organiser=200, superuser=200), False,
             "breakouts:plenary"),
    # --- Co-creation (issue 7) -------------------------------------------------------------------
    # A draft consultation is shown to its working group ("participant" on `draft`) and to the staff who
    # run working groups; to anyone else it does not exist, a member of another draft's group included.
    Endpoint("working_group_draft", lambda w: reverse("working_groups:draft", args=[w.draft.pk]), "view",
             roles(404, anonymous=302, participant=200, organiser=200, superuser=200), False,
             "working_groups:draft"),
    Endpoint("working_group_other_draft",
             lambda w: reverse("working_groups:draft", args=[w.in_moderation.pk]), "view",
             roles(404, anonymous=302, organiser=200, superuser=200), False,
             "working_groups:draft"),
    # The public calendar (issue 8): every live, public consultation; a draft's .ics does not exist.
    Endpoint("calendar_feed", named("cycle:calendar"), "view", everyone(200), False, "cycle:calendar"),
    Endpoint("consultation_ics", path_with("cycle:consultation_ics", lambda w: w.consultation.pk), "view",
             everyone(200), False, "cycle:consultation_ics"),
    Endpoint("draft_consultation_ics", lambda w: reverse("cycle:consultation_ics", args=[w.draft.pk]), "view",
             everyone(404), False, "cycle:consultation_ics"),
    # Open input: anyone, no account, while the consultation takes it; a draft's does not exist.
    Endpoint("open_input_form", lambda w: reverse("open_input:form", args=[w.other_consultation.pk]), "view",
             everyone(200), True, "open_input:form"),
    Endpoint("open_input_thanks", lambda w: reverse("open_input:thanks", args=[w.other_consultation.pk]),
             "view", everyone(200), True, "open_input:thanks"),
    Endpoint("open_input_easy_read", path_with("open_input:easy_read", lambda w: w.other_consultation.pk),
             "view", everyone(200), True, "open_input:easy_read"),
    Endpoint("open_input_draft", lambda w: reverse("open_input:form", args=[w.draft.pk]), "view",
             everyone(404), False, "open_input:form"),
    Endpoint("open_input_without_period", lambda w: reverse("open_input:form", args=[w.consultation.pk]),
             "view", everyone(404), False, "open_input:form"),
    # Draft minutes in a correction round: the attendees ("participant", checked in) and the staff who
    # run the round; not "group_member", of the same organisation but not there.
    Endpoint("corrections_review", lambda w: reverse("corrections:review", args=[w.draft_minutes.pk]), "view",
             roles(404, anonymous=302, participant=200, organiser=200, superuser=200), False,
             "corrections:review"),
    # --- Prioritising at the plenary (issue 20, priorities/) ---------------------------------------
    # The phone page: those in the plenary (breakouts.selectors.in_the_room, as for the panel's
    # questions: PANEL_ROLES) and the staff who run the round (a preview).
    Endpoint("priorities_vote", path_with("priorities:vote", lambda w: w.consultation.pk), "view",
             PANEL_ROLES, False, "priorities:vote"),
    Endpoint("priorities_vote_en", lambda w: f"/en{reverse('priorities:vote', args=[w.consultation.pk])}",
             "view", PANEL_ROLES, False, "priorities:vote"),
    # The wall's start and close: POST only.
    Endpoint("priorities_start", path_with("priorities:start", lambda w: w.consultation.pk), "view",
             everyone(405), False, "priorities:start"),
    Endpoint("priorities_close", path_with("priorities:close", lambda w: w.consultation.pk), "view",
             everyone(405), False, "priorities:close"),
    # The consultation's rounds in the admin: organisers (priorities.change_priorityround and the page).
    Endpoint("priorities_admin_index", path_with("priorities_admin:index", lambda w: w.consultation.pk),
             "view",
             organisers_only(), False, "priorities_admin:index"),
    Endpoint("priorities_admin_start", path_with("priorities_admin:start", lambda w: w.consultation.pk),
             "view",
             staff(405, approver=403), False, "priorities_admin:start"),
    Endpoint("priorities_admin_close", path_with("priorities_admin:close", lambda w: w.consultation.pk),
             "view",
             staff(405, approver=403), False, "priorities_admin:close"),
    # --- Questions to the panel (issue 20, panel_questions/) --------------------------------------
    # The phone page: attendees (named, in a group, or, where the consultation names no one, of an
    # accepted organisation: "participant") and the staff who run the plenary (they follow, not ask).
    Endpoint("panel_questions_phone", path_with("panel_questions:phone", lambda w: w.consultation.pk), "view",
             PANEL_ROLES, False, "panel_questions:phone"),
    Endpoint("panel_questions_phone_en",
             lambda w: f"/en{reverse('panel_questions:phone', args=[w.consultation.pk])}", "view",
             PANEL_ROLES, False, "panel_questions:phone"),
    Endpoint("panel_questions_phone_draft", path_with("panel_questions:phone", lambda w: w.draft.pk), "view",
             roles(404, anonymous=302), False, "panel_questions:phone"),
    Endpoint("panel_questions_support", path_with("panel_questions:support", lambda w: w.consultation.pk),
             "view", everyone(405), False, "panel_questions:support"),
    # The wall panel's live fragment: those who run the plenary, as the wall itself.
    Endpoint("panel_questions_wall", path_with("panel_questions:wall", lambda w: w.consultation.pk), "view",
             roles(403, anonymous=302, organiser=200, superuser=200), False, "panel_questions:wall"),
    Endpoint("panel_questions_admin_index",
             path_with("panel_questions_admin:index", lambda w: w.consultation.pk), "view",
             organisers_only(), False, "panel_questions_admin:index"),
    Endpoint("panel_questions_admin_queue",
             path_with("panel_questions_admin:queue", lambda w: w.consultation.pk), "view",
             staff(405), False, "panel_questions_admin:queue"),
    Endpoint("panel_questions_admin_moderate",
             path_with("panel_questions_admin:moderate", lambda w: w.consultation.pk), "view",
             staff(405), False, "panel_questions_admin:moderate"),
    Endpoint("panel_questions_admin_answer",
             path_with("panel_questions_admin:answer", lambda w: w.consultation.pk), "view",
             staff(405), False, "panel_questions_admin:answer"),
    # --- The public register of what happened next (issue 20, outcomes/) ---------------------------
    # Anyone, no account: the list, a takeaway's page, asking to follow it, the feeds. Confirming and
    # unsubscribing answer any token with their page (the button does the work, by POST).
    Endpoint("outcomes_index", named("outcomes:index"), "view", everyone(200), True, "outcomes:index"),
    Endpoint("outcomes_index_en", lambda w: f"/en{reverse('outcomes:index')}", "view", everyone(200), True,
             "outcomes:index"),
    Endpoint("outcomes_takeaway", path_with("outcomes:takeaway", register_takeaway_id), "view", everyone(200),
             True, "outcomes:takeaway"),
    Endpoint("outcomes_draft_takeaway", path_with("outcomes:takeaway", draft_takeaway_id), "view",
             everyone(404), False, "outcomes:takeaway"),
    Endpoint("outcomes_follow", path_with("outcomes:follow", register_takeaway_id), "view", everyone(200),
             True, "outcomes:follow"),
    Endpoint("outcomes_follow_sent", path_with("outcomes:follow_sent", register_takeaway_id), "view",
             everyone(200), True, "outcomes:follow_sent"),
    Endpoint("outcomes_confirm", named("outcomes:confirm", "ingen-giltig-lank"), "view", everyone(200), False,
             "outcomes:confirm"),
    Endpoint("outcomes_unsubscribe", named("outcomes:unsubscribe", "ingen-giltig-lank"), "view",
             everyone(200), False, "outcomes:unsubscribe"),
    Endpoint("outcomes_feed", named("outcomes:feed"), "view", everyone(200), False, "outcomes:feed"),
    Endpoint("outcomes_theme_feed", path_with("outcomes:theme_feed", register_theme_slug), "view",
             everyone(200), False, "outcomes:theme_feed"),
    # --- The attendees' evaluation (issue 20, evaluations/) ----------------------------------------
    # The personal link is the only key: anyone holding it gets the form, no account needed; a forged
    # link gets the same 404 as a used one. The thanks page says nothing about anyone.
    Endpoint("evaluation_answer", evaluation_link, "view", everyone(200), False, "evaluations:answer"),
    Endpoint("evaluation_answer_forged",
             lambda w: reverse("evaluations:answer", args=[w.held_consultation.pk, "A" * 43]), "view",
             everyone(404), False, "evaluations:answer"),
    Endpoint("evaluation_thanks", path_with("evaluations:thanks", lambda w: w.held_consultation.pk), "view",
             everyone(200), False, "evaluations:thanks"),
    # --- Organisations keep their own details (issue 22, organisation_details/) ----------------------
    # The personal link is the key, no account needed; a forged link is a 404, an expired one a 410,
    # neither naming the organisation. Logged in, only the contact person finds the page (others: 404).
    Endpoint("organisation_details_link", organisation_details("organisation_details:by_link",
             ORGANISATION_LINK_TOKEN), "view", everyone(200), False, "organisation_details:by_link"),
    Endpoint("organisation_details_link_forged", named("organisation_details:by_link", "A" * 43), "view",
             everyone(404), False, "organisation_details:by_link"),
    Endpoint("organisation_details_link_expired", organisation_details("organisation_details:by_link",
             ORGANISATION_EXPIRED_TOKEN), "view", everyone(410), False, "organisation_details:by_link"),
    Endpoint("organisation_details_confirm", organisation_details("organisation_details:confirm",
             ORGANISATION_CONFIRM_TOKEN), "view", everyone(200), False, "organisation_details:confirm"),
    Endpoint("organisation_details_confirm_forged", named("organisation_details:confirm", "A" * 43), "view",
             everyone(404), False, "organisation_details:confirm"),
    Endpoint("organisation_details_mine",
             path_with("organisation_details:mine", lambda w: organisation_contact(w).pk), "view",
             roles(404, anonymous=302, participant=200), False, "organisation_details:mine"),
    Endpoint("organisation_details_admin_contact",
             path_with("organisation_details_admin:contact", lambda w: w.organisation.pk), "view",
             organisers_only(), False, "organisation_details_admin:contact"),
    # The staff side: organisers (evaluations.add_evaluation / view_evaluationanswer and the page);
    # approvers get a real 403. Send and remind take POST only; the CSV is a 404 until enough answered.
    Endpoint("evaluations_admin_consultation",
             path_with("evaluations_admin:consultation", lambda w: w.held_consultation.pk), "view",
             organisers_only(), False, "evaluations_admin:consultation"),
    Endpoint("evaluations_admin_send", path_with("evaluations_admin:send", lambda w: w.held_consultation.pk),
             "view", staff(405, approver=403), False, "evaluations_admin:send"),
    Endpoint("evaluations_admin_remind",
             path_with("evaluations_admin:remind", lambda w: w.held_consultation.pk), "view",
             staff(405, approver=403), False, "evaluations_admin:remind"),
    Endpoint("evaluations_admin_csv", path_with("evaluations_admin:csv", lambda w: w.held_consultation.pk),
             "view", staff(404, approver=403), False, "evaluations_admin:csv"),
    Endpoint("evaluations_admin_index", named("evaluations_admin:index"), "view", organisers_only(), False,
             "evaluations_admin:index"),
    Endpoint("evaluations_admin_year",
             path_with("evaluations_admin:year", lambda w: w.consultation.date.year), "view",
             organisers_only(), False, "evaluations_admin:year"),
    Endpoint("evaluations_admin_year_csv",
             path_with("evaluations_admin:year_csv", lambda w: w.consultation.date.year), "view",
             organisers_only(), False, "evaluations_admin:year_csv"),
    # --- New organisations ask to take part (issue 22, join_requests/) -----------------------------
    # Anyone, no account: the form (both languages), the thank-you page, and the confirmation page,
    # which answers any token with its button (the POST does the work). Vetting: whoever may add
    # organisations (organisers); approvers get a real 403; accept and decline take POST only.
    Endpoint("join_request_form", named("join_requests:form"), "view", everyone(200), True,
             "join_requests:form"),
    Endpoint("join_request_form_en", lambda w: f"/en{reverse('join_requests:form')}", "view", everyone(200),
             True, "join_requests:form"),
    Endpoint("join_request_sent", named("join_requests:sent"), "view", everyone(200), True,
             "join_requests:sent"),
    Endpoint("join_request_confirm", named("join_requests:confirm", "ingen-giltig-lank"), "view",
             everyone(200), False, "join_requests:confirm"),
    Endpoint("join_requests_admin_index", named("join_requests_admin:index"), "view", organisers_only(),
             False, "join_requests_admin:index"),
    Endpoint("join_requests_admin_detail", path_with("join_requests_admin:detail", join_request_pending),
             "view", organisers_only(), False, "join_requests_admin:detail"),
    Endpoint("join_requests_admin_accept", path_with("join_requests_admin:accept", join_request_pending),
             "view", staff(405, approver=403), False, "join_requests_admin:accept"),
    Endpoint("join_requests_admin_decline", path_with("join_requests_admin:decline", join_request_pending),
             "view", staff(405, approver=403), False, "join_requests_admin:decline"),
    # --- Django's language switch --------------------------------------------------------------
    Endpoint("set_language", named("set_language"), "view", everyone(302), False, "set_language",
             redirect=home),
    # --- Websockets -------------------------------------------------------------------------------
    # A group's live notes (notes/consumer.py): its members and staff; everyone else is refused.
    Endpoint("notes_socket", lambda w: f"/ws/notes/{w.breakout_group.pk}", "websocket",
             NOTES_SOCKET_ROLES, False, "notes"),
    Endpoint("notes_socket_slash", lambda w: f"/ws/notes/{w.breakout_group.pk}/", "websocket",
             NOTES_SOCKET_ROLES, False, "notes"),
    # Questions to the panel, live (panel_questions/consumer.py): as the phone page.
    Endpoint("panel_questions_socket", lambda w: f"/ws/panel/{w.consultation.pk}", "websocket",
             PANEL_SOCKET_ROLES, False, "panel_questions"),
    # The wall's live counts (priorities/consumer.py): the staff who run the round, as the wall itself.
    Endpoint("priorities_socket", lambda w: f"/ws/priorities/{w.consultation.pk}", "websocket",
             roles("refuse", organiser="accept", superuser="accept"), False, "priorities"),
]

ENDPOINTS_BY_NAME: dict[str, Endpoint] = {endpoint.name: endpoint for endpoint in ENDPOINTS}
assert len(ENDPOINTS_BY_NAME) == len(ENDPOINTS), "endpoint names must be unique"


def endpoint(name: str) -> Endpoint:
    return ENDPOINTS_BY_NAME[name]


def endpoints(kind: Kind | None = None, *, public: bool | None = None) -> list[Endpoint]:
    return [
        row
        for row in ENDPOINTS
        if (kind is None or row.kind == kind) and (public is None or row.public == public)
    ]


def http_endpoints() -> list[Endpoint]:
    return [row for row in ENDPOINTS if row.kind != "websocket"]


def cases(kind: Kind | None = None) -> list[tuple[Endpoint, Role]]:
    """(endpoint, role) pairs for pytest.mark.parametrize: the rows of `kind`, or all HTTP rows."""
    rows = endpoints(kind) if kind else http_endpoints()
    return [(row, role) for row in rows for role in ROLES]
