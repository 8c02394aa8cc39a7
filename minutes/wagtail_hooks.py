"""The minutes in the Wagtail admin: "Compile minutes" on a consultation, its view, its log action."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from consultations.models import ConsultationPage
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import MINUTES_COMPILE
from .permissions import can_compile_minutes


@hooks.register("register_log_actions")
def register_minutes_compile_log_action(registry):
    @registry.register_action(MINUTES_COMPILE)
    class CompileFormatter(LogFormatter):
        label = _("Compile minutes")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            if data.get("overwrite"):
                return _("Compiled the minutes from the groups' notes, replacing edits to the draft")
            return _("Compiled the minutes from the groups' notes")


admin_urls_register("minutes", admin_views.urlpatterns, namespace="minutes_admin")


class CompileMinutesMenuItem(PageTypeMenuItem):
    """ "Compile minutes" in a consultation's "more" menu."""

    label = _("Compile minutes")
    icon_name = "doc-full"
    url_name = "minutes_admin:compile"
    page_type = ConsultationPage

    def allowed(self, user, page):
        return can_compile_minutes(user, page)


page_menu_item_register(CompileMinutesMenuItem, header_priority=43, listing_priority=48)
