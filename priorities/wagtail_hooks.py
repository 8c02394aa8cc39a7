"""Prioritising in the Wagtail admin: the consultation's "Prioritising" screen on its ⋯ menu, the
permission, and the audit-log lines (which never say who voted for what: nobody can)."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import admin_views
from .log_actions import PRIORITY_ROUND_CLOSE, PRIORITY_ROUND_START
from .permissions import can_run_rounds

log_actions_register(
    {
        PRIORITY_ROUND_START: (
            _("Start a prioritisation round"),
            _("Started a prioritisation round over %(options)s takeaways, %(votes_per_person)s votes each"),
        ),
        PRIORITY_ROUND_CLOSE: (
            _("Close a prioritisation round"),
            _("Closed the prioritisation round: %(ballots)s people voted"),
        ),
    }
)
admin_urls_register("prioritera", admin_views.urlpatterns, namespace="priorities_admin")


@hooks.register("register_permissions")
def register_priorities_permission():
    return Permission.objects.filter(content_type__app_label="priorities", codename="change_priorityround")


class PrioritiesMenuItem(PageTypeMenuItem):
    label = _("Prioritising")
    icon_name = "list-ol"
    url_name = "priorities_admin:index"
    page_type = ConsultationPage
    may = can_run_rounds


page_menu_item_register(PrioritiesMenuItem, header_priority=49, listing_priority=55)
