"""The corrections in the Wagtail admin: the page-history lines, the staff screen, its menu item."""

from django.utils.translation import gettext_lazy as _

from minutes.models import MinutesPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import CORRECTION_ACCEPT, CORRECTION_DECLINE, CORRECTION_ROUND_CLOSE, CORRECTION_ROUND_OPEN
from .permissions import can_manage_corrections

# The messages never name the attendee: the minutes attribute nothing to people.
log_actions_register(
    {
        CORRECTION_ACCEPT: (
            _("Accept a correction"),
            _("Accepted a correction from an attendee to %(passage)s"),
        ),
        CORRECTION_DECLINE: (
            _("Decline a correction"),
            _("Declined a correction from an attendee to %(passage)s"),
        ),
        CORRECTION_ROUND_OPEN: (_("Open a review"), _("Opened the draft for review by the attendees")),
        CORRECTION_ROUND_CLOSE: (_("Close a review"), _("Closed the review early")),
    }
)


admin_urls_register("rattelser", admin_views.urlpatterns, namespace="corrections_admin")


class CorrectionsMenuItem(PageTypeMenuItem):
    """ "Corrections from attendees" in a minutes page's "more" menu."""

    label = _("Corrections from attendees")
    icon_name = "comment"
    url_name = "corrections_admin:index"
    page_type = MinutesPage

    def allowed(self, user, page):
        return can_manage_corrections(user=user, consultation=page.get_parent())


page_menu_item_register(CorrectionsMenuItem, header_priority=44, listing_priority=49)
