"""The outbox in the Wagtail admin: its screen on each consultation's menu, the warning on every
screen of a consultation while any of its mail has failed, the permission and the audit-log label."""

from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register
from sakrad.admin_screens import ScreenWarning

from . import admin_views
from .log_actions import MAIL_RETRY
from .permissions import can_view_outbox
from .selectors import failing_count

log_actions_register({MAIL_RETRY: (_("Retry e-mail"), _("Queued a failed e-mail again (%(purpose)s)"))})
admin_urls_register("outbox", admin_views.urlpatterns, namespace="outbox_admin")


@hooks.register("register_permissions")
def register_outbox_permission():
    return Permission.objects.filter(content_type__app_label="outbox", codename="change_outboxmail")


class OutboxMenuItem(PageTypeMenuItem):
    label = _("E-mail")
    icon_name = "mail"
    url_name = "outbox_admin:index"
    page_type = ConsultationPage
    may = can_view_outbox


page_menu_item_register(OutboxMenuItem, header_priority=42, listing_priority=47)


@hooks.register("register_consultation_warnings")
def failing_mail_warning(consultation, user):
    if not can_view_outbox(user=user, consultation=consultation):
        return []
    failing = failing_count(consultation=consultation)
    if not failing:
        return []
    text = ngettext(
        "%(count)s e-mail of this consultation has failed and was not sent.",
        "%(count)s e-mails of this consultation have failed and were not sent.",
        failing,
    ) % {"count": failing}
    url = reverse("outbox_admin:index", args=[consultation.pk]) + "?state=failed"
    return [ScreenWarning(text=text, url=url, link_text=str(_("See why and retry")))]
