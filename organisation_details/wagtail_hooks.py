"""The contact person in the Wagtail admin: the lines of the organisation's history, the contact screen
(send the link) and its item in the organisations' listing."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from organisations.models import Organisation
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import admin_urls_register

from . import admin_views
from .history import changes_line
from .log_actions import DETAILS_UPDATE, EMAIL_CHANGE_CONFIRM, EMAIL_CHANGE_REQUEST, LINK_SEND
from .permissions import can_send_contact_link

log_actions_register(
    {
        DETAILS_UPDATE: (_("Details updated by the contact person"), changes_line),
        EMAIL_CHANGE_REQUEST: (
            _("New contact e-mail asked for"),
            _("A confirmation was sent to %(email)s; the old address holds until it is confirmed"),
        ),
        EMAIL_CHANGE_CONFIRM: (_("New contact e-mail confirmed"), changes_line),
        LINK_SEND: (_("Contact person's link sent"), _("Sent the personal link to %(email)s")),
    }
)
admin_urls_register("organisationsuppgifter", admin_views.urlpatterns, namespace="organisation_details_admin")


@hooks.register("register_snippet_listing_buttons")
def contact_link_button(snippet, user, next_url=None):
    if isinstance(snippet, Organisation) and can_send_contact_link(user=user):
        yield Button(
            _("Contact person's link"),
            reverse("organisation_details_admin:contact", args=[snippet.pk]),
            icon_name="mail",
            priority=60,
        )
