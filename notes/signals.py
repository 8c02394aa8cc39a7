"""Logging out closes that session's notes sockets at once (they re-check and find the session gone)."""

from django.contrib.auth.signals import user_logged_out
from django.dispatch import receiver

from .broadcast import notes_user_send_sync


@receiver(user_logged_out, dispatch_uid="notes_user_logged_out")
def notes_recheck_on_logout(sender, request, user, **kwargs):
    if user is not None:
        notes_user_send_sync(user.pk, {"type": "access.changed"})
