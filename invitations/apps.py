from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvitationsConfig(AppConfig):
    name = "invitations"
    verbose_name = _("Invitations")

    def ready(self):
        # Tells the outbox how to build, and record, the invitations' e-mails: its job worker may be
        # the only code of ours a process runs, so the purposes are registered at start-up.
        from .services import delivery, notices  # noqa: F401
