from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from outbox.purposes import Purpose, purpose_register


class CorrectionsConfig(AppConfig):
    name = "corrections"
    verbose_name = _("Minutes corrections")

    def ready(self):
        # How the outbox screen names these mails (outbox/purposes.py).
        purpose_register("review-invitation", Purpose(label=_("Review of the draft minutes")))
