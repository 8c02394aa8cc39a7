"""The public register of what happened next (/uppfoljning/): every published takeaway with its
status, theme, unit and responses; following a takeaway by e-mail; reminders to staff."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from minutes.listeners import takeaway_listener_register
from outbox.purposes import purpose_register

from .purposes import PURPOSES


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("What happened next")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # A status set or a follow-up added on the minutes' screen: the register's history and mails.
        takeaway_listener_register("outcomes.listen.takeaway_changed")
        # How the outbox screen names these mails, and how a follower's is built when sent; the job
        # worker may be the only code of ours a process runs, so they are registered at start-up.
        for name, purpose in PURPOSES.items():
            purpose_register(name, purpose)
