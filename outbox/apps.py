from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "outbox"
    verbose_name = _("E-mail outbox")

    def ready(self):
        # Registers the queue's line on /readyz (the core knows no feature, so it is told).
        from . import health  # noqa: F401
