from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from minutes.sections import minutes_section_register


class OpenInputConfig(AppConfig):
    name = "open_input"
    verbose_name = _("Open input")

    def ready(self):
        # The approved answers, after the questions in the compiled minutes.
        minutes_section_register("open_input.minutes.open_input_minutes_blocks")
