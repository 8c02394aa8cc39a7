"""The admin's "Duplicate as next consultation": its screen, its ⋯ item and its audit-log line."""

from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import CONSULTATION_DUPLICATE
from .permissions import can_duplicate_consultation


def _source_title(data: dict) -> dict:
    return {"title": (data.get("source") or {}).get("title", "")}


log_actions_register(
    {
        CONSULTATION_DUPLICATE: (
            _("Duplicate as next consultation"),
            _("Copied from “%(title)s” as the start of the next consultation"),
        )
    },
    prepare=_source_title,
)


# Under the consultations' address and name: a consultation's screen (admin_views.py).
admin_urls_register("consultations", admin_views.urlpatterns, namespace="consultations_admin")


class DuplicateConsultationMenuItem(PageTypeMenuItem):
    """ "Duplicate as next consultation" in a consultation's "more" menu."""

    label = _("Duplicate as next consultation")
    icon_name = "copy"
    url_name = "consultations_admin:duplicate"
    page_type = ConsultationPage
    may = can_duplicate_consultation


page_menu_item_register(DuplicateConsultationMenuItem, header_priority=44, listing_priority=49)
