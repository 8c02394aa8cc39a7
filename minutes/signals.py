"""Wiring for the minutes, connected in MinutesConfig.ready(): the publish receiver, and the admin
hooks that keep publishing minutes to approvers. The work itself is in minutes/services/."""

from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import LogFormatter
from wagtail.search.index import insert_or_update_object

from .services.notify import (
    FOLLOW_UP_NOTIFIED,
    MINUTES_NOTIFIED,
    follow_up_notify,
    minutes_publication_notify,
)
from .services.workflow import can_publish_minutes


def _is_minutes(page) -> bool:
    from .models import MinutesPage

    return isinstance(page, MinutesPage) or getattr(page, "specific_class", None) is MinutesPage


def minutes_published(sender, instance, **kwargs) -> None:
    """Wagtail's page_published: index the minutes again, tell those who attended, once; then any
    follow-up not yet told."""
    if not _is_minutes(instance):
        return
    # The search index entry is written when the page row is saved, before its takeaways (their one
    # record, searched with the page) are written: a corrected takeaway would be found by its old words.
    insert_or_update_object(instance)
    first = minutes_publication_notify(page=instance)
    # The first publication's email already leads to the page with its follow-ups on it.
    follow_up_notify(page=instance, announce=not first)


# --- Admin hooks: organisers submit minutes, approvers publish them ---------------------------------


def hide_publish_from_non_approvers(menu_items, request, context) -> None:
    """construct_page_action_menu: no "Publish" on minutes for those who may not publish them."""
    page = context.get("page")
    if page is None or not _is_minutes(page) or can_publish_minutes(user=request.user):
        return
    menu_items[:] = [item for item in menu_items if getattr(item, "name", "") != "action-publish"]


def refuse_publish_by_non_approvers(request, page):
    """before_publish_page / before_create_page's publish: refused unless the user approves minutes."""
    if _is_minutes(page) and not can_publish_minutes(user=request.user):
        return HttpResponseForbidden(_("Minutes are published by an approver: submit them for approval."))
    return None


def refuse_bulk_publish_by_non_approvers(request, action_type, objects, action_class_instance):
    """before_bulk_action: the explorer's bulk publish is refused for minutes likewise."""
    if action_type != "publish" or can_publish_minutes(user=request.user):
        return None
    if any(_is_minutes(getattr(item, "specific", item)) for item in objects):
        return HttpResponseForbidden(_("Minutes are published by an approver: submit them for approval."))
    return None


class _NotifiedFormatter(LogFormatter):
    message = ""

    def format_message(self, log_entry):
        try:
            return str(self.message) % (log_entry.data or {})
        except (KeyError, TypeError, ValueError):
            return str(self.label)


LOG_MESSAGES = {
    MINUTES_NOTIFIED: (
        gettext_lazy("Attendees notified"),
        gettext_lazy("Emailed the link to the minutes to %(recipients)s attendees"),
    ),
    FOLLOW_UP_NOTIFIED: (
        gettext_lazy("Follow-up notified"),
        gettext_lazy("Emailed the follow-up of %(date)s to %(recipients)s attendees"),
    ),
}


def register_minutes_log_actions(registry) -> None:
    for action, (label, message) in LOG_MESSAGES.items():
        name = f"Formatter_{action.replace('.', '_')}"
        formatter = type(name, (_NotifiedFormatter,), {"label": label, "message": message})
        registry.register_action(action)(formatter)
