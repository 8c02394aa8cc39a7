"""The minutes in the Wagtail admin: "Compile minutes" on a consultation, "What happened next" on the
minutes (takeaway statuses and follow-ups), their views, their log actions, and publishing kept to
approvers (organisers submit minutes for approval; minutes/services/workflow.py)."""

from django.http import HttpResponseForbidden
from django.urls import reverse
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register
from sakrad.admin_screens import LINKS_HOOK, ScreenLink

from . import admin_follow_up, admin_views
from .log_actions import (
    FOLLOW_UP_ADD,
    FOLLOW_UP_DELETE,
    FOLLOW_UP_EDIT,
    MINUTES_COMPILE,
    TAKEAWAY_STATUS,
    TAKEAWAY_UNIT,
)
from .models import MinutesPage
from .models.takeaway import TakeawayStatus
from .permissions import can_compile_minutes, can_follow_up, can_publish_minutes
from .services.notify import FOLLOW_UP_NOTIFIED, MINUTES_NOTIFIED

admin_urls_register("minutes", admin_views.urlpatterns, namespace="minutes_admin")


class CompileMinutesMenuItem(PageTypeMenuItem):
    """ "Compile minutes" in a consultation's "more" menu."""

    label = _("Compile minutes")
    icon_name = "doc-full"
    url_name = "minutes_admin:compile"
    page_type = ConsultationPage
    may = can_compile_minutes


page_menu_item_register(CompileMinutesMenuItem, header_priority=43, listing_priority=48)


# --- What happened next: takeaway statuses and follow-ups, outside the revisions ----------------------


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


# --- Log actions ---------------------------------------------------------------------------------------


def _date_in_words(data: dict) -> dict:
    # Follow-ups are logged with their ISO date; the history shows it as the minutes do.
    day = parse_date(data.get("date") or "")
    if day:
        data["date"] = date_format(day, "j F Y")
    return data


def _compile_message(data: dict) -> str:
    if data.get("overwrite"):
        return _("Compiled the minutes from the groups' notes, replacing edits to the draft")
    return _("Compiled the minutes from the groups' notes")


def _status_label(value) -> str:
    return str(TakeawayStatus(value).label) if value in TakeawayStatus.values else value or ""


def _status_message(data: dict) -> str:
    return _("Set the takeaway “%(text)s” from %(old)s to %(new)s") % {
        "text": data.get("text", ""),
        "old": _status_label(data.get("old")).lower(),
        "new": _status_label(data.get("new")).lower(),
    }


log_actions_register(
    {
        MINUTES_COMPILE: (_("Compile minutes"), _compile_message),
        MINUTES_NOTIFIED: (
            _("Attendees notified"),
            _("Emailed the link to the minutes to %(recipients)s attendees"),
        ),
        TAKEAWAY_STATUS: (_("Set a takeaway's status"), _status_message),
        TAKEAWAY_UNIT: (
            _("Set a takeaway's responsible unit"),
            _("Set the responsible unit of \"%(text)s\" to \"%(unit)s\""),
        ),
        FOLLOW_UP_ADD: (_("Add a follow-up"), _("Added the follow-up of %(date)s")),
        FOLLOW_UP_EDIT: (_("Change a follow-up"), _("Changed the follow-up of %(date)s")),
        FOLLOW_UP_DELETE: (_("Remove a follow-up"), _("Removed the follow-up of %(date)s")),
        FOLLOW_UP_NOTIFIED: (
            _("Follow-up notified"),
            _("Emailed the follow-up of %(date)s to %(recipients)s attendees"),
        ),
    },
    prepare=_date_in_words,
)


# --- Publishing minutes is the approvers' ----------------------------------------------------------------


def _is_minutes(page) -> bool:
    return isinstance(page, MinutesPage) or getattr(page, "specific_class", None) is MinutesPage


def _refusal():
    return HttpResponseForbidden(_("Minutes are published by an approver: submit them for approval."))


@hooks.register("construct_page_action_menu")
def hide_publish_from_non_approvers(menu_items, request, context) -> None:
    """No "Publish" on minutes for those who may not publish them."""
    page = context.get("page")
    if page is None or not _is_minutes(page) or can_publish_minutes(user=request.user):
        return
    menu_items[:] = [item for item in menu_items if getattr(item, "name", "") != "action-publish"]


@hooks.register("before_publish_page")
def refuse_publish_by_non_approvers(request, page):
    """A direct publish of minutes is refused unless the user approves minutes."""
    if _is_minutes(page) and not can_publish_minutes(user=request.user):
        return _refusal()
    return None


@hooks.register("before_bulk_action")
def refuse_bulk_publish_by_non_approvers(request, action_type, objects, action_class_instance):
    """The explorer's bulk publish is refused for minutes likewise."""
    if action_type != "publish" or can_publish_minutes(user=request.user):
        return None
    if any(_is_minutes(getattr(item, "specific", item)) for item in objects):
        return _refusal()
    return None
