"""Questions to the panel during the plenary: sent from phones, moderated by staff, shown on the
wall, the unanswered followed up."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from minutes.page_sections import minutes_page_section_register
from outbox.purposes import Purpose, purpose_register


class PanelQuestionsConfig(AppConfig):
    name = "panel_questions"
    verbose_name = _("Questions to the panel")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # The wall's and group page's panels (plenary_wall.py) and Mina sidor (my_page.py) are found
        # by their registries; the admin's hooks by Wagtail.
        minutes_page_section_register(
            name="panel_questions",
            template="panel_questions/minutes_section.html",
            read="panel_questions.minutes_section.unreached_questions",
        )
        purpose_register(
            "panel-question-answered", Purpose(label=_("A question to the panel answered in writing"))
        )
