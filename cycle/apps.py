from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CycleConfig(AppConfig):
    name = "cycle"
    verbose_name = _("Annual cycle")

    def ready(self):
        # Inside ready(): it reads the models, which load only once the app registry is ready.
        from .consultation_extensions import carry_over_register

        carry_over_register()  # carry-over is the year's: consultations show it (consultations/extensions.py)
