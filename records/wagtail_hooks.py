"""The records in the Wagtail admin: their views, "Registry and archive" on a consultation, log actions."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from consultations.models import ConsultationPage
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import ARCHIVE_EXPORT, REGISTRY_NUMBER_SET
from .permissions import can_manage_records


@hooks.register("register_log_actions")
def register_records_log_actions(registry):
    @registry.register_action(REGISTRY_NUMBER_SET)
    class RegistryNumberFormatter(LogFormatter):
        label = _("Set the registry number")

        def format_message(self, log_entry):
            number = (log_entry.data or {}).get("registry_number")
            if not number:
                return _("Removed the registry number")
            return _("Set the registry number to %(number)s") % {"number": number}

    @registry.register_action(ARCHIVE_EXPORT)
    class ArchiveFormatter(LogFormatter):
        label = _("Export the archive")

        def format_message(self, log_entry):
            sha256 = (log_entry.data or {}).get("sha256", "")
            return _("Exported the archive for the registry (SHA-256 %(sha256)s)") % {"sha256": sha256}


admin_urls_register("records", admin_views.urlpatterns, namespace="records_admin")


class RecordsMenuItem(PageTypeMenuItem):
    """ "Registry and archive" in a consultation's "more" menu."""

    label = _("Registry and archive")
    icon_name = "folder-open-inverse"
    url_name = "records_admin:consultation"
    page_type = ConsultationPage

    def allowed(self, user, page):
        return can_manage_records(user=user, consultation=page)


page_menu_item_register(RecordsMenuItem, header_priority=48, listing_priority=54)
