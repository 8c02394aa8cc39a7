"""What a socket's user may do in a group, read fresh from the database (the consumer caches it briefly)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module

from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.backends.base import SessionBase
from django.contrib.sessions.models import Session
from django.utils import timezone

from .room import room


@dataclass(frozen=True)
class NotesAccess:
    view: bool
    edit: bool


NO_ACCESS = NotesAccess(view=False, edit=False)


def _session_alive(session_key: str, user_id: int) -> bool:
    """Reads the session afresh: gone after a logout, empty once expired, another user's after a
    new login in that browser."""
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key)
    data = store.load()
    return str(data.get(SESSION_KEY)) == str(user_id)


def sessions_alive(*, sessions: dict[str, int]) -> set[str]:
    """Which of these session keys still belong to their user; one query where sessions live in the
    database (the default), one read per session with other engines."""
    if settings.SESSION_ENGINE != "django.contrib.sessions.backends.db":
        return {key for key, user_id in sessions.items() if _session_alive(key, user_id)}
    rows = Session.objects.filter(session_key__in=list(sessions), expire_date__gt=timezone.now())
    return {
        key
        for key, data in rows.values_list("session_key", "session_data")
        if _session_user(key, data) == str(sessions[key])
    }


# Session key -> its user, decoded once: a key never changes hands (Django gives a session a new key
# at login and deletes it at logout), so only new keys are decoded, not every session every round.
_session_users: dict[str, str] = {}
SESSION_USERS_KEPT = 20_000


def _store() -> SessionBase:
    # The database backend's own store: its salt is part of how the data was signed.
    return Session.get_session_store_class()()


def _session_user(key: str, data: str) -> str:
    user = _session_users.get(key)
    if user is None:
        if len(_session_users) >= SESSION_USERS_KEPT:
            _session_users.clear()
        user = _session_users[key] = str(_store().decode(data).get(SESSION_KEY))
    return user


def users_active(*, user_ids) -> set[int]:
    active = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True)
    return set(active.values_list("pk", flat=True))


def notes_access(*, user_id: int | None, group_id: int, session: SessionBase | None = None) -> NotesAccess:
    """The socket's rights now: a user logged out (session gone), deactivated or removed from the
    group has none. Staff rights count only with a second factor when SAKRAD_REQUIRE_STAFF_MFA is on
    (sakrad/roles.py, through the rules breakouts registers in notes/room.py): staff without one get
    in only as members of the group. The user is read afresh each time, so a removed authenticator
    counts at the next check."""
    if user_id is None:
        return NO_ACCESS
    if session is not None and session.session_key and not _session_alive(session.session_key, user_id):
        return NO_ACCESS
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    rules = room()
    group = rules.group_get(group_id=group_id)
    if user is None or group is None or not rules.may_view(user=user, group=group):
        return NO_ACCESS
    return NotesAccess(view=True, edit=rules.may_edit(user=user, group=group))


def runs_groups(*, user_id: int, group_id: int) -> bool:
    """Whether the user runs this group's consultation (asked only of a person over a member's number
    of sockets: the plenary wall opens one per group)."""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    rules = room()
    group = rules.group_get(group_id=group_id)
    return user is not None and group is not None and rules.runs_groups(user=user, group=group)
