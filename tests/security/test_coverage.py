"""The registry covers every endpoint: a new URL, page type or websocket route without a row fails here.

Third-party trees too large to list row by row (the two admins and allauth) are allowed by prefix,
but only for views from third-party packages: a view of ours under /admin/ still needs its row.
"""

import pytest
from django.urls import path
from django.views.i18n import set_language

from tests.registry import ENDPOINTS, NotYetRouted, endpoints, http_endpoints
from tests.security.urlwalk import Route, http_routes, walk_http, walk_websocket

# Third-party URL trees covered by representative rows rather than one row per pattern.
THIRD_PARTY_TREES = (
    "admin/",  # Wagtail admin: every view behind require_admin_access; rows admin_*
    "django-admin/",  # Django admin: superusers only; rows django_admin*
    "accounts/",  # allauth: login, logout, password reset, MFA; rows login, logout, account_email, mfa_*
)


def uncovered(routes: list[Route], patterns: set[str]) -> list[Route]:
    return [
        route
        for route in routes
        if not route.keys & patterns and (route.is_ours or not route.route.startswith(THIRD_PARTY_TREES))
    ]


def describe(routes: list[Route]) -> str:
    return "\n".join(f"  {route.route!r} name={route.name!r} view in {route.module}" for route in routes)


def test_every_url_pattern_has_a_registry_row():
    missing = uncovered(http_routes(), {row.pattern for row in http_endpoints()})
    assert not missing, "URL patterns without a row in tests/registry.py:\n" + describe(missing)


def test_every_websocket_route_has_a_registry_row():
    missing = uncovered(list(walk_websocket()), {row.pattern for row in endpoints("websocket")})
    assert not missing, "websocket routes without a row in tests/registry.py:\n" + describe(missing)


def test_every_page_type_has_a_row(world):
    """Each page model that can be created has a published page served by a row."""
    from wagtail.models import get_page_models

    served = set()
    for row in endpoints("page"):
        try:
            url = row.url(world)
        except NotYetRouted:
            continue
        for page in world.home.get_descendants(inclusive=True).specific():
            if page.get_url() == url:
                served.add(type(page))
    creatable = {model for model in get_page_models() if model.is_creatable}
    missing = sorted(model.__name__ for model in creatable - served)
    assert not missing, f"page types without a row: {missing}"


def test_every_row_names_an_existing_pattern(world):
    """A row whose URL pattern has gone is stale; rows written ahead of their URL are skipped."""
    known = {key for route in http_routes() for key in route.keys}
    known |= {key for route in walk_websocket() for key in route.keys}
    stale = []
    for row in ENDPOINTS:
        try:
            row.url(world)
        except NotYetRouted:
            continue
        if row.pattern not in known:
            stale.append(f"{row.name}: {row.pattern!r}")
    assert not stale, f"rows naming URL patterns that do not exist: {stale}"


def our_view(request):  # never called, only routed
    raise AssertionError


@pytest.mark.parametrize(
    ("route", "covered"),
    [
        (path("konto/hemligt/", our_view, name="secret"), False),  # a new view of ours: needs a row
        (path("admin/privacy/erase/", our_view), False),  # ours under /admin/: the allowlist does not apply
        (path("admin/reports/x/", set_language), True),  # third-party, inside an allowed tree
        (path("widgets/", set_language), False),  # third-party, outside the allowed trees
    ],
    ids=["ours", "ours-under-admin", "third-party-in-tree", "third-party-elsewhere"],
)
def test_the_gate_catches_an_unlisted_pattern(route, covered):
    """The gate itself: a check that passes whatever the URLs are would guard nothing."""
    routes = list(walk_http([route]))
    assert (uncovered(routes, patterns=set()) == []) is covered
