from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from public_cache.clock import next_change_register


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        # Inside ready(): it reads the models, which load only once the app registry is ready.
        from .status_changes import next_status_change

        # A status turns with the clock: the public cache keeps no page past that (public_cache/clock.py).
        next_change_register(name="consultation_status", provider=next_status_change)
