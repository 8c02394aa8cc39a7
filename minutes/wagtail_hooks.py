"""The minutes in the Wagtail admin: "Compile minutes" on a consultation, "What happened next" on the
minutes (takeaway statuses and follow-ups), their views and their log actions."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from consultations.models import ConsultationPage
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register
from sakrad.admin_screens import LINKS_HOOK, ScreenLink

from . import admin_follow_up, admin_views
from .log_actions import FOLLOW_UP_ADD, FOLLOW_UP_DELETE, FOLLOW_UP_EDIT, MINUTES_COMPILE, TAKEAWAY_STATUS
from .models import MinutesPage
from .permissions import can_compile_minutes, can_follow_up


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
        return can_compile_minutes(user=user, consultation=page)


page_menu_item_register(CompileMinutesMenuItem, header_priority=43, listing_priority=48)


# --- What happened next: takeaway statuses and follow-ups, outside the revisions ----------------------


def _when(value: str) -> str:
    from django.utils.dateparse import parse_date
    from django.utils.formats import date_format

    day = parse_date(value or "")
    return date_format(day, "j F Y") if day else value or ""


def _status_label(value: str) -> str:
    from .models.takeaway import TakeawayStatus

    return str(TakeawayStatus(value).label) if value in TakeawayStatus.values else value or ""


@hooks.register("register_log_actions")
def register_follow_up_log_actions(registry):
    @registry.register_action(TAKEAWAY_STATUS)
    class StatusFormatter(LogFormatter):
        label = _("Set a takeaway's status")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Set the takeaway “%(text)s” from %(old)s to %(new)s") % {
                "text": data.get("text", ""),
                "old": _status_label(data.get("old")).lower(),
                "new": _status_label(data.get("new")).lower(),
            }

    for action, label, message in [
        (FOLLOW_UP_ADD, _("Add a follow-up"), _("Added the follow-up of %(date)s")),
        (FOLLOW_UP_EDIT, _("Change a follow-up"), _("Changed the follow-up of %(date)s")),
        (FOLLOW_UP_DELETE, _("Remove a follow-up"), _("Removed the follow-up of %(date)s")),
    ]:

        def format_message(self, log_entry, message=message):
            return message % {"date": _when((log_entry.data or {}).get("date"))}

        name = f"Formatter_{action.replace('.', '_')}"
        registry.register_action(action)(
            type(name, (LogFormatter,), {"label": label, "format_message": format_message})
        )


admin_urls_register("uppfoljning", admin_follow_up.urlpatterns, namespace="follow_up_admin")


class FollowUpMenuItem(PageTypeMenuItem):
    """ "What happened next" (takeaway statuses and follow-ups) in a minutes page's "more" menu."""

    label = _("What happened next")
    icon_name = "history"
    url_name = "follow_up_admin:index"
    page_type = MinutesPage

    def allowed(self, user, page):
        return can_follow_up(user=user, minutes=page)


page_menu_item_register(FollowUpMenuItem, header_priority=45, listing_priority=50)


@hooks.register(LINKS_HOOK)
def minutes_draft_link(consultation, user):
    """The minutes in the page editor, among the consultation's screens, right after compiling."""
    minutes = MinutesPage.objects.child_of(consultation).first()
    if minutes is None or not minutes.permissions_for_user(user).can_edit():
        return []
    label = _("Minutes") if minutes.live else _("Minutes draft")
    url = reverse("wagtailadmin_pages:edit", args=[minutes.pk])
    return [ScreenLink(label=str(label), url=url, priority=43.5)]
