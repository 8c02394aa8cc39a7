"""Logging out closes that session's notes sockets at once (they re-check and find the session gone).
Connected in NotesConfig.ready()."""

from .broadcast import notes_user_send_sync


def notes_recheck_on_logout(sender, request, user, **kwargs):
    if user is not None:
        notes_user_send_sync(user.pk, {"type": "access.changed"})
