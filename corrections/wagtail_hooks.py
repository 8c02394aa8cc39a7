"""The corrections in the Wagtail admin: the page-history lines, the staff screen, its menu item."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter

from minutes.models import MinutesPage
from sakrad.admin_menus import page_menu_item_register

from . import admin_views
from .log_actions import CORRECTION_ACCEPT, CORRECTION_DECLINE, CORRECTION_ROUND_CLOSE, CORRECTION_ROUND_OPEN
from .permissions import can_manage_corrections


@hooks.register("register_log_actions")
def register_correction_log_actions(registry):
    # The messages never name the attendee: the minutes attribute nothing to people.
    @registry.register_action(CORRECTION_ACCEPT)
    class AcceptFormatter(LogFormatter):
        label = _("Accept a correction")

        def format_message(self, log_entry):
            passage = (log_entry.data or {}).get("passage", "")
            return _("Accepted a correction from an attendee to %(passage)s") % {"passage": passage}

    @registry.register_action(CORRECTION_DECLINE)
    class DeclineFormatter(LogFormatter):
        label = _("Decline a correction")

        def format_message(self, log_entry):
            passage = (log_entry.data or {}).get("passage", "")
            return _("Declined a correction from an attendee to %(passage)s") % {"passage": passage}

    registry.register_action(
        CORRECTION_ROUND_OPEN, _("Open a review"), _("Opened the draft for review by the attendees")
    )
    registry.register_action(CORRECTION_ROUND_CLOSE, _("Close a review"), _("Closed the review early"))


@hooks.register("register_admin_urls")
def register_corrections_admin_urls():
    urls = admin_views.urlpatterns
    return [path("rattelser/", include((urls, "corrections_admin"), namespace="corrections_admin"))]


class CorrectionsMenuItem(PageMenuItem):
    """ "Corrections from attendees" in a minutes page's "more" menu."""

    label = _("Corrections from attendees")
    icon_name = "comment"
    url_name = "corrections_admin:index"

    def is_shown(self, user):
        page = self.page.specific_deferred
        return isinstance(page, MinutesPage) and can_manage_corrections(user, page.get_parent())


page_menu_item_register(CorrectionsMenuItem, header_priority=44, listing_priority=49)
