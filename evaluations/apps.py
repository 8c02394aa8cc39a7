from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from outbox.purposes import purpose_register

from .delivery import EVALUATION_PURPOSE, PURPOSE


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # How the outbox builds and records the links' e-mails: its job worker may be the only code of
        # ours a process runs, so the purpose is registered at start-up.
        purpose_register(PURPOSE, EVALUATION_PURPOSE)
