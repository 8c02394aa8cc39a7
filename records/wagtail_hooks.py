"""The records in the Wagtail admin: their views, "Registry and archive" on a consultation, log actions."""

from django.utils.translation import gettext_lazy as _

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import ARCHIVE_EXPORT, REGISTRY_NUMBER_SET
from .permissions import can_manage_records


def _registry_number_message(data: dict) -> str:
    number = data.get("registry_number")
    if not number:
        return _("Removed the registry number")
    return _("Set the registry number to %(number)s") % {"number": number}


log_actions_register(
    {
        REGISTRY_NUMBER_SET: (_("Set the registry number"), _registry_number_message),
        ARCHIVE_EXPORT: (
            _("Export the archive"),
            _("Exported the archive for the registry (SHA-256 %(sha256)s)"),
        ),
    }
)


admin_urls_register("records", admin_views.urlpatterns, namespace="records_admin")


class RecordsMenuItem(PageTypeMenuItem):
    """ "Registry and archive" in a consultation's "more" menu."""

    label = _("Registry and archive")
    icon_name = "folder-open-inverse"
    url_name = "records_admin:consultation"
    page_type = ConsultationPage
    may = can_manage_records


page_menu_item_register(RecordsMenuItem, header_priority=48, listing_priority=54)
