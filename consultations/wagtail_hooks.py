from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from sakrad.admin_menus import page_menu_item_register

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


@hooks.register("register_admin_urls")
def register_consultations_admin_urls():
    urls = admin_views.urlpatterns
    return [path("consultations/", include((urls, "consultations_admin"), namespace="consultations_admin"))]


class DuplicateConsultationMenuItem(PageMenuItem):
    """ "Duplicate as next consultation" in a consultation's "more" menu."""

    label = _("Duplicate as next consultation")
    icon_name = "copy"
    url_name = "consultations_admin:duplicate"

    def is_shown(self, user):
        page = self.page.specific_deferred
        return isinstance(page, ConsultationPage) and can_duplicate_consultation(user, page)


page_menu_item_register(DuplicateConsultationMenuItem, header_priority=44, listing_priority=49)
