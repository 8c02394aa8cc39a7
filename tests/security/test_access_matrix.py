"""Every registry row, every role: exactly the expected answer, and redirects that lead somewhere sane."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from channels.auth import AuthMiddleware, CookieMiddleware, SessionMiddleware
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.security.websocket import OriginValidator
from django.conf import settings
from django.urls import path, reverse
from django.utils import translation

from tests.registry import ROLES, STAFF_ROLES, Endpoint, Role, endpoints, http_endpoints, url_or_skip
from tests.security.websocket import handshake, websocket_layers

MAX_HOPS = 5


def login_path(url: str) -> str:
    """The allauth login in the language of `url` (/en/... pages send people to /en/accounts/login/)."""
    language = "en" if url.startswith("/en/") else settings.LANGUAGE_CODE
    with translation.override(language):
        return reverse("account_login")


def follow(client, location: str) -> list[tuple[str, int, str]]:
    """(path?query, status, next location) for each hop, until a non-redirect or MAX_HOPS."""
    hops = []
    for _ in range(MAX_HOPS):
        parts = urlsplit(location)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        response = client.get(target)
        following = response.get("Location", "")
        hops.append((target, response.status_code, following))
        if response.status_code not in (301, 302) or not following:
            break
        location = following
    return hops


def redirect_problems(row: Endpoint, role: Role, url: str, client, response, world) -> list[str]:
    location = response["Location"]
    if row.redirect is not None:
        expected = row.redirect(world)
        if urlsplit(location).path != expected:
            return [f"{role}: redirected to {location}, not {expected}"]
        return []
    hops = follow(client, location)
    final_path, final_status, _ = hops[-1]
    if final_status in (301, 302):
        return [f"{role}: more than {MAX_HOPS} redirects (a loop?): {hops}"]
    at_login = urlsplit(final_path).path == login_path(url)
    if role == "anonymous":
        next_url = parse_qs(urlsplit(final_path).query).get("next", [None])[0]
        if not at_login or final_status != 200 or next_url != url:
            return [f"anonymous: not sent to the allauth login with next={url}: {hops}"]
    elif at_login:
        return [f"{role}: logged in, yet sent to the login form: {hops}"]
    return []


@pytest.fixture
def world(shared_world):
    """One world for the whole module (tests/world.py, `shared_world`): these tests only read it."""
    return shared_world


@pytest.fixture
def as_in_production(world, settings):
    """Staff hold their rights only with a second factor (SAKRAD_REQUIRE_STAFF_MFA, on in production),
    so the matrix is walked as production answers: staff roles with a TOTP authenticator. Without one
    they are sent to set it up (test_staff_second_factor.py walks every row for that)."""
    settings.SAKRAD_REQUIRE_STAFF_MFA = True
    for role in STAFF_ROLES:
        Authenticator.objects.create(
            user=world.user(role), type=Authenticator.Type.TOTP, data={"secret": "x"}
        )


@pytest.mark.parametrize("row", http_endpoints(), ids=lambda row: row.name)
def test_http_access(world, as_in_production, row: Endpoint):
    url = url_or_skip(row, world)
    problems = []
    for role in ROLES:
        client = world.client_for(role)
        response = client.get(url)
        expected = row.expect[role]
        if response.status_code != expected:
            problems.append(f"{role}: {response.status_code}, expected {expected}")
        elif expected == 302:
            problems += redirect_problems(row, role, url, client, response, world)
    assert not problems, f"GET {url}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("row", endpoints("websocket"), ids=lambda row: row.name)
def test_websocket_access(world, row: Endpoint, settings):
    # The world lives in this test's transaction, which only this thread's connection sees: the
    # sockets' database calls run here instead of on their thread pool (notes/db.py).
    settings.NOTES_DATABASE_THREADS = 0
    url = url_or_skip(row, world)
    got = {role: handshake(url, client=world.client_for(role)) for role in ROLES}
    assert got == row.expect


def test_logged_in_without_admin_access_is_refused_not_looped(world):
    """A participant who opens /admin/ ends on a 403, not bouncing between the admin and allauth."""
    response = world.client_for("participant").get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) <= 2


def test_draft_is_reachable_for_staff_only_as_an_admin_preview(world):
    """Drafts are not served (404 above), but organisers can preview them in the admin."""
    preview = reverse("wagtailadmin_pages:view_draft", args=[world.draft.pk])
    assert world.client_for("organiser").get(preview).status_code == 200
    assert world.client_for("participant").get(preview).status_code == 302


# --- Websockets: the stack every route sits behind ---------------------------------------------


class WhoAmI(AsyncWebsocketConsumer):
    """Accepts a logged-in user only, so the handshake shows whether the session reached scope."""

    async def connect(self):
        if self.scope["user"].is_authenticated:
            await self.accept()
        else:
            await self.close()


def test_websockets_sit_behind_origin_check_and_session_auth():
    origin, cookies, session, auth, router = websocket_layers()
    assert isinstance(origin, OriginValidator)
    assert list(origin.allowed_origins) == list(settings.ALLOWED_HOSTS)
    assert [type(layer) for layer in (cookies, session, auth)] == [
        CookieMiddleware,
        SessionMiddleware,
        AuthMiddleware,
    ]
    from sakrad.routing import websocket_urlpatterns

    assert router.routes is websocket_urlpatterns, "sakrad.asgi must route sakrad.routing's list"


@pytest.fixture
def probe_route(monkeypatch):
    """A probe consumer added to the real application's router, behind its real middleware."""
    router = websocket_layers()[-1]
    monkeypatch.setattr(router, "routes", [*router.routes, path("ws/probe/", WhoAmI.as_asgi())])
    return "/ws/probe/"


@pytest.mark.parametrize(
    ("role", "origin", "expected"),
    [
        ("participant", "http://testserver", "accept"),
        ("anonymous", "http://testserver", "refuse"),
        ("participant", "https://evil.example", "refuse"),
        ("participant", None, "refuse"),
    ],
    ids=["same-origin-session", "no-session", "foreign-origin", "no-origin"],
)
def test_websocket_handshake_checks_origin_and_session(world, probe_route, role, origin, expected):
    assert handshake(probe_route, client=world.client_for(role), origin=origin) == expected


def test_sitemap_lists_only_what_anyone_may_read(world):
    sitemap = world.client_for("anonymous").get("/sitemap.xml").content.decode()
    assert world.consultation.get_url() in sitemap and world.minutes.get_url() in sitemap
    for hidden in ("/internt/", "/utkast/", "/granskning/"):
        assert hidden not in sitemap
