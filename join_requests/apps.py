from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from outbox.purposes import purpose_register

from .delivery import PURPOSES


class JoinRequestsConfig(AppConfig):
    name = "join_requests"
    verbose_name = _("Requests to take part")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # How the outbox builds the confirmation mail: its job worker may be the only code of ours a
        # process runs, so the purposes are registered at start-up.
        for name, purpose in PURPOSES.items():
            purpose_register(name, purpose)
