"""Requests to take part in the Wagtail admin: the screens, their menu item and
the audit-log lines."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import admin_urls_register

from . import admin_views
from .log_actions import JOIN_REQUEST_ACCEPT, JOIN_REQUEST_DECLINE
from .permissions import can_vet_join_requests

log_actions_register(
    {
        JOIN_REQUEST_ACCEPT: (
            _("Accept a request to take part"),
            _("Added to the register from a request to take part"),
        ),
        JOIN_REQUEST_DECLINE: (_("Decline a request to take part"), _("Declined a request to take part")),
    }
)
admin_urls_register("intresseanmalningar", admin_views.urlpatterns, namespace="join_requests_admin")


class JoinRequestsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_vet_join_requests(user=request.user)


@hooks.register("register_admin_menu_item")
def register_join_requests_menu_item():
    return JoinRequestsMenuItem(
        _("Requests to take part"),
        reverse("join_requests_admin:index"),
        name="join-requests",
        icon_name="group",
        order=310,
    )
