from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import CONSULTATION_DUPLICATE
from .models import ConsultationPage, Theme
from .permissions import can_duplicate_consultation


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)


@hooks.register("register_log_actions")
def register_consultation_duplicate_log_action(registry):
    @registry.register_action(CONSULTATION_DUPLICATE)
    class DuplicateFormatter(LogFormatter):
        label = _("Duplicate as next consultation")

        def format_message(self, log_entry):
            source = (log_entry.data or {}).get("source") or {}
            return _("Copied from “%(title)s” as the start of the next consultation") % {
                "title": source.get("title", "")
            }


admin_urls_register("consultations", admin_views.urlpatterns, namespace="consultations_admin")


class DuplicateConsultationMenuItem(PageTypeMenuItem):
    """ "Duplicate as next consultation" in a consultation's "more" menu."""

    label = _("Duplicate as next consultation")
    icon_name = "copy"
    url_name = "consultations_admin:duplicate"
    page_type = ConsultationPage

    def allowed(self, user, page):
        return can_duplicate_consultation(user, page)


page_menu_item_register(DuplicateConsultationMenuItem, header_priority=44, listing_priority=49)
