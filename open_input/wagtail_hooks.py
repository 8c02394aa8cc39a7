"""Open input in the Wagtail admin: its screen per consultation, the "more" menu item, the log actions."""

from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import OPEN_INPUT_MODERATE, OPEN_INPUT_PERIOD_SET
from .permissions import can_moderate_open_input

DECISION_MESSAGES = {
    "approve": _("Approved an open input answer"),
    "reject": _("Rejected an open input answer"),
    "remove": _("Removed an open input answer as personal data"),
    "redact": _("Blanked out personal data in an open input answer"),
}


def _moderation_message(data: dict) -> str:
    return DECISION_MESSAGES.get(data.get("decision"), _("Moderated an open input answer"))


log_actions_register(
    {
        OPEN_INPUT_PERIOD_SET: (_("Set the open input period"), _("Set the open input period")),
        OPEN_INPUT_MODERATE: (_("Moderate open input"), _moderation_message),
    }
)


admin_urls_register("inspel", admin_views.urlpatterns, namespace="open_input_admin")


class OpenInputMenuItem(PageTypeMenuItem):
    """ "Open input" in a consultation's "more" menu."""

    label = _("Open input")
    icon_name = "comment"
    url_name = "open_input_admin:index"
    page_type = ConsultationPage
    may = can_moderate_open_input


page_menu_item_register(OpenInputMenuItem, header_priority=46, listing_priority=50)
