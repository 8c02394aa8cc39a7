from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BreakoutsConfig(AppConfig):
    name = "breakouts"
    verbose_name = _("Breakout groups")
    default_auto_field = "django.db.models.BigAutoField"
