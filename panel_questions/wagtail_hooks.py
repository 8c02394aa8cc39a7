"""Questions to the panel in the Wagtail admin: the screen per consultation, its ⋯ menu item, the
log actions."""

from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import PANEL_QUESTION_ANSWER, PANEL_QUESTION_MODERATE, PANEL_QUEUE_CLOSE, PANEL_QUEUE_OPEN
from .permissions import can_moderate_panel_questions

DECISION_MESSAGES = {
    "approve": _("Approved a question to the panel"),
    "hide": _("Hid a question to the panel"),
    "merge": _("Merged a question to the panel into another"),
    "answer_now": _("Marked a question to the panel as being answered"),
    "answered": _("Marked a question to the panel as answered"),
}


def _moderation_message(data: dict) -> str:
    return DECISION_MESSAGES.get(data.get("decision"), _("Moderated a question to the panel"))


log_actions_register(
    {
        PANEL_QUEUE_OPEN: (_("Open questions to the panel"), _("Opened questions to the panel")),
        PANEL_QUEUE_CLOSE: (_("Close questions to the panel"), _("Closed questions to the panel")),
        PANEL_QUESTION_MODERATE: (_("Moderate questions to the panel"), _moderation_message),
        PANEL_QUESTION_ANSWER: (
            _("Answer a question to the panel in writing"),
            _("Answered a question to the panel in writing"),
        ),
    }
)

admin_urls_register("fragor", admin_views.urlpatterns, namespace="panel_questions_admin")


class PanelQuestionsMenuItem(PageTypeMenuItem):
    """ "Questions to the panel" in a consultation's "more" menu."""

    label = _("Questions to the panel")
    icon_name = "help"
    url_name = "panel_questions_admin:index"
    page_type = ConsultationPage
    may = can_moderate_panel_questions


page_menu_item_register(PanelQuestionsMenuItem, header_priority=47, listing_priority=51)
