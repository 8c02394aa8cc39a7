"""The working group in the Wagtail admin: its views, "Working group" on a consultation, its log actions."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import COMMENT_ADD, COMMENT_RESOLVE, MEMBER_ADD, MEMBER_REMOVE
from .permissions import can_manage_working_group
from .selectors import open_comment_count

# (label, message); the entries name accounts and questions by id only, never a comment's text.
LOG_ACTIONS = {
    MEMBER_ADD: (_("Add to the working group"), _("Added a member to the working group")),
    MEMBER_REMOVE: (_("Remove from the working group"), _("Removed a member from the working group")),
    COMMENT_ADD: (_("Comment on a draft question"), _("Commented on draft question %(number)s")),
    COMMENT_RESOLVE: (
        _("Resolve a comment on a draft question"),
        _("Resolved a comment on draft question %(number)s"),
    ),
}

log_actions_register(LOG_ACTIONS, prepare=lambda data: {"number": data.get("question_number", "")})


admin_urls_register("arbetsgrupp", admin_views.urlpatterns, namespace="working_groups_admin")


class WorkingGroupMenuItem(PageTypeMenuItem):
    """ "Working group" in a consultation's "more" menu."""

    label = _("Working group")
    icon_name = "group"
    url_name = "working_groups_admin:index"
    page_type = ConsultationPage
    may = can_manage_working_group


class WorkingGroupHeaderMenuItem(WorkingGroupMenuItem):
    """On the page's own header one count query is cheap; the listing has a row per page, so no count."""

    @property
    def label(self):
        count = open_comment_count(consultation=self.page)
        if not count:
            return _("Working group")
        return ngettext(
            "Working group (%(count)s open comment)", "Working group (%(count)s open comments)", count
        ) % {"count": count}


page_menu_item_register(
    WorkingGroupMenuItem, header_priority=44, listing_priority=49, header_class=WorkingGroupHeaderMenuItem
)
