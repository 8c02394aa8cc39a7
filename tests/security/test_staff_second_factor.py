"""Staff rights need the second factor everywhere (SAKRAD_REQUIRE_STAFF_MFA, on in production): the
rule (sakrad/roles.py), every page (StaffSecondFactorMiddleware) and the notes socket
(notes/access.py). The access matrix (test_access_matrix.py) runs with it on and staff holding a TOTP
authenticator, as production answers; here every registry row is walked again for staff without one,
and the setting off and participants change nothing."""

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from breakouts.services import breakout_group_create, group_member_add
from notes.access import NO_ACCESS, NotesAccess, notes_access
from sakrad.roles import has_second_factor, is_staff, needs_second_factor
from tests.registry import STAFF_ROLES, endpoint, http_endpoints, url_or_skip
from tests.security.test_access_matrix import follow
from tests.security.websocket import handshake

# The rules of the second factor, not the storage: the first pass (SQLite) shows them.
pytestmark = pytest.mark.same_on_every_database

# allauth's pages and the probes answer staff without a factor as usual (the factor is set up there).
OPEN_PATTERNS = {"healthz", "readyz", "robots_txt", "set_language"}


def open_without_factor(pattern: str) -> bool:
    return pattern.startswith(("account_", "mfa_")) or pattern in OPEN_PATTERNS


@pytest.fixture
def world(shared_world):
    return shared_world


@pytest.fixture
def require_mfa(settings):
    settings.SAKRAD_REQUIRE_STAFF_MFA = True


def add_factor(user, kind=Authenticator.Type.TOTP) -> None:
    Authenticator.objects.create(user=user, type=kind, data={"secret": "x"} if kind == "totp" else {})


def fresh(user) -> User:
    """The user as a request loads it (the factor lookup is remembered on the object)."""
    return User.objects.get(pk=user.pk)


def setup_path(url: str) -> str:
    """The TOTP setup in the language of `url`."""
    with translation.override("en" if url.startswith("/en/") else settings.LANGUAGE_CODE):
        return reverse("mfa_activate_totp")


def sent_to_set_up_a_factor(response, url: str) -> bool:
    location = urlsplit(response.get("Location", ""))
    return (
        response.status_code == 302
        and location.path == setup_path(url)
        and parse_qs(location.query) == {"next": [url]}
    )


def wall(world) -> str:
    return reverse("breakouts:plenary", args=[world.consultation.pk])


def group_page(world) -> str:
    return reverse("breakouts:group", args=[world.breakout_group.pk])


def notes_socket(world) -> str:
    return f"/ws/notes/{world.breakout_group.pk}"


@pytest.fixture
def sockets_in_this_thread(settings):
    # As in test_access_matrix: the sockets' database calls must see this test's transaction.
    settings.NOTES_DATABASE_THREADS = 0


# --- The rule ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("required", "factor", "expected"),
    [
        (True, None, False),
        (True, Authenticator.Type.RECOVERY_CODES, False),
        (True, Authenticator.Type.TOTP, True),
        (False, None, True),
        (False, Authenticator.Type.RECOVERY_CODES, True),
    ],
    ids=["required-none", "required-recovery-codes-only", "required-totp", "off-none", "off-recovery-codes"],
)
@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_rights_need_a_totp_authenticator_when_required(
    world, settings, role, required, factor, expected
):
    settings.SAKRAD_REQUIRE_STAFF_MFA = required
    if factor:
        add_factor(world.user(role), factor)
    user = fresh(world.user(role))
    assert is_staff(user) is expected
    assert needs_second_factor(user) is (not expected)


def test_participants_are_never_asked_for_a_factor(world, require_mfa):
    for role in ("participant", "group_member"):
        user = fresh(world.user(role))
        assert not is_staff(user) and not needs_second_factor(user)


def test_django_staff_flag_alone_needs_a_factor_but_gives_no_staff_rights(db, require_mfa):
    user = User.objects.create_user(email="flagga@example.org", password=None, is_staff=True)
    assert needs_second_factor(user) and not is_staff(user)
    add_factor(user)
    user = fresh(user)
    assert not needs_second_factor(user) and not is_staff(user)


def test_inactive_staff_have_no_rights_and_are_not_asked(world, require_mfa):
    user = fresh(world.user("organiser"))
    user.is_active = False
    assert not is_staff(user) and not needs_second_factor(user)


def test_the_factor_lookup_is_remembered_on_the_user(world, require_mfa, django_assert_num_queries):
    user = fresh(world.user("organiser"))
    assert not is_staff(user)  # reads permissions and authenticators once
    with django_assert_num_queries(0):
        assert not is_staff(user)
        assert not has_second_factor(user)
        assert needs_second_factor(user)


# --- Pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [wall, group_page], ids=["plenary_wall", "group_page"])
@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_without_a_factor_are_sent_to_set_one_up(world, require_mfa, role, page):
    url = page(world)
    client = world.client_for(role)
    response = client.get(url)
    assert sent_to_set_up_a_factor(response, url)
    # The setup (after allauth's reauthentication) answers: no loop back to the staff page.
    hops = follow(client, response["Location"])
    assert hops[-1][1] == 200, hops
    assert urlsplit(hops[-1][0]).path.startswith("/accounts/"), hops


def test_the_setup_page_says_why(world, require_mfa):
    response = world.client_for("organiser").get(wall(world), follow=True)
    assert response.status_code == 200
    assert "Konton för personalen behöver tvåfaktorsautentisering" in response.content.decode()


def test_english_pages_send_to_the_english_setup(world, require_mfa):
    url = f"/en{wall(world)}"
    assert sent_to_set_up_a_factor(world.client_for("organiser").get(url), url)


# With the factor, each role gets what it holds (docs/roles.md): the day is the organisers'; an approver
# is refused outright, not sent to set up a factor they already have.
RUNS_THE_DAY = {"organiser": True, "approver": False, "superuser": True}


@pytest.mark.parametrize("page", [wall, group_page], ids=["plenary_wall", "group_page"])
@pytest.mark.parametrize("role", STAFF_ROLES)
def test_staff_with_totp_get_what_their_role_holds(world, require_mfa, role, page):
    add_factor(world.user(role))
    assert world.client_for(role).get(page(world)).status_code == (200 if RUNS_THE_DAY[role] else 403)


@pytest.mark.parametrize("page", [wall, group_page], ids=["plenary_wall", "group_page"])
def test_recovery_codes_alone_do_not_let_staff_in(world, require_mfa, page):
    add_factor(world.user("organiser"), Authenticator.Type.RECOVERY_CODES)
    url = page(world)
    assert sent_to_set_up_a_factor(world.client_for("organiser").get(url), url)


@pytest.mark.parametrize("page", [wall, group_page], ids=["plenary_wall", "group_page"])
def test_without_the_setting_staff_get_in_without_a_factor(world, settings, page):
    settings.SAKRAD_REQUIRE_STAFF_MFA = False
    assert world.client_for("organiser").get(page(world)).status_code == 200


def test_group_members_are_unaffected(world, require_mfa):
    client = world.client_for("group_member")
    assert client.get(group_page(world)).status_code == 200
    assert client.get(wall(world)).status_code == 403  # not theirs, as without the setting


@pytest.mark.parametrize("row", http_endpoints(), ids=lambda row: row.name)
def test_every_page_sends_staff_without_a_factor_to_set_one_up(world, require_mfa, row):
    """Every page but allauth's and the probes: staff rights are used in too many places for a list."""
    url = url_or_skip(row, world)
    problems = []
    for role in STAFF_ROLES:
        response = world.client_for(role).get(url)
        if open_without_factor(row.pattern):
            if response.status_code != row.expect[role]:
                problems.append(f"{role}: {response.status_code}, expected {row.expect[role]}")
        elif not sent_to_set_up_a_factor(response, url):
            problems.append(f"{role}: {response.status_code} {response.get('Location', '')}, not the setup")
    assert not problems, f"GET {url}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("role", ["participant", "group_member"])
def test_participants_pages_are_unaffected(world, require_mfa, role):
    for name in ("my_page", "group_notes", "plenary_wall", "consultation", "privacy_export"):
        row = endpoint(name)
        assert world.client_for(role).get(row.url(world)).status_code == row.expect[role], name


# --- The notes socket ------------------------------------------------------------------------------


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_notes_socket_refuses_staff_without_a_factor(world, require_mfa, sockets_in_this_thread, role):
    assert handshake(notes_socket(world), client=world.client_for(role)) == "refuse"


@pytest.mark.parametrize("role", STAFF_ROLES)
def test_notes_socket_lets_staff_with_totp_in_by_their_role(world, require_mfa, sockets_in_this_thread, role):
    add_factor(world.user(role))
    expected = "accept" if RUNS_THE_DAY[role] else "refuse"
    assert handshake(notes_socket(world), client=world.client_for(role)) == expected


def test_notes_socket_refuses_staff_with_recovery_codes_only(world, require_mfa, sockets_in_this_thread):
    add_factor(world.user("organiser"), Authenticator.Type.RECOVERY_CODES)
    assert handshake(notes_socket(world), client=world.client_for("organiser")) == "refuse"


def test_notes_socket_without_the_setting_lets_staff_in(world, settings, sockets_in_this_thread):
    settings.SAKRAD_REQUIRE_STAFF_MFA = False
    assert handshake(notes_socket(world), client=world.client_for("organiser")) == "accept"


def test_notes_socket_group_members_are_unaffected(world, require_mfa, sockets_in_this_thread):
    assert handshake(notes_socket(world), client=world.client_for("group_member")) == "accept"
    assert handshake(notes_socket(world), client=world.client_for("participant")) == "refuse"


def test_staff_without_a_factor_keep_member_rights_in_their_own_group(
    world, require_mfa, sockets_in_this_thread
):
    organiser = world.user("organiser")
    group_member_add(group=world.breakout_group, person=organiser)
    assert handshake(notes_socket(world), client=world.client_for("organiser")) == "accept"
    member_rights = NotesAccess(view=True, edit=True)
    assert notes_access(user_id=organiser.pk, group_id=world.breakout_group.pk) == member_rights
    other_group = breakout_group_create(consultation=world.other_consultation, name="Grupp 2")
    assert notes_access(user_id=organiser.pk, group_id=other_group.pk) == NO_ACCESS


def test_notes_access_follows_the_factor_at_each_check(world, require_mfa):
    organiser = world.user("organiser")
    check = {"user_id": organiser.pk, "group_id": world.breakout_group.pk}
    assert notes_access(**check) == NO_ACCESS
    add_factor(organiser)
    assert notes_access(**check) == NotesAccess(view=True, edit=True)
    Authenticator.objects.filter(user=organiser).delete()
    assert notes_access(**check) == NO_ACCESS


# --- Asking what an account is, not what it may do now ---------------------------------------------


def test_a_staff_account_without_a_factor_is_still_staff_to_the_working_group(world, require_mfa):
    """The working group refuses staff accounts as members: one still without a factor included."""
    from working_groups.services.errors import WorkingGroupError
    from working_groups.services.members import working_group_member_add

    add_factor(world.user("superuser"))
    with pytest.raises(WorkingGroupError) as refused:
        working_group_member_add(
            consultation=world.draft, email=world.user("organiser").email, user=fresh(world.user("superuser"))
        )
    assert refused.value.code == WorkingGroupError.STAFF_ACCOUNT
