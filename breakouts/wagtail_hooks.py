"""Breakout groups in the Wagtail admin: audit-log labels, the group snippets, and the per-consultation
screen (assign people, move them, open and close note-taking)."""

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register
from sakrad.admin_screens import LINKS_HOOK, ScreenLink

from . import admin_views
from . import log_actions as actions
from .models import BreakoutGroup
from .permissions import can_manage_groups, can_run_plenary

admin_urls = admin_views.urlpatterns

MESSAGES = {
    actions.GROUP_CREATE: (_("Create breakout group"), _("Created breakout group %(name)s")),
    actions.MEMBER_ADD: (_("Add to breakout group"), _("Added a participant to the group")),
    actions.MEMBER_MOVE: (_("Move to breakout group"), _("Moved a participant to the group")),
    actions.MEMBER_REMOVE: (_("Remove from breakout group"), _("Removed a participant from the group")),
    actions.GROUPS_ASSIGN: (
        _("Assign breakout groups"),
        _("Assigned %(people)s people to %(groups)s groups"),
    ),
    actions.NOTE_TAKING_OPEN: (_("Open note-taking"), _("Opened the groups' note-taking")),
    actions.NOTE_TAKING_CLOSE: (_("Close note-taking"), _("Closed note-taking; %(points)s points stored")),
}

log_actions_register(MESSAGES)


# --- The organisers' screens ------------------------------------------------------------------


class BreakoutGroupViewSet(SnippetViewSet):
    model = BreakoutGroup
    icon = "group"
    menu_label = _("Breakout groups")
    add_to_admin_menu = False
    list_display = ["name", "consultation", "facilitator", "note_taker"]
    list_filter = ["consultation"]
    panels = [
        FieldPanel("consultation"),
        FieldPanel("name"),
        FieldPanel("facilitator"),
        FieldPanel("note_taker"),
        FieldPanel("questions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sort_order"),
    ]


register_snippet(BreakoutGroupViewSet)


admin_urls_register("breakouts", admin_urls, namespace="breakouts_admin")


class BreakoutGroupsMenuItem(PageTypeMenuItem):
    """ "Breakout groups" in a consultation's "more" menu."""

    label = _("Breakout groups")
    icon_name = "group"
    url_name = "breakouts_admin:groups"
    page_type = ConsultationPage
    may = can_manage_groups


page_menu_item_register(BreakoutGroupsMenuItem, header_priority=42, listing_priority=47)


@hooks.register(LINKS_HOOK)
def plenary_wall_link(consultation, user):
    """The wall, among the consultation's screens: staff would otherwise type its address by hand."""
    if not can_run_plenary(user=user, consultation=consultation):
        return []
    url = reverse("breakouts:plenary", args=[consultation.pk])
    return [ScreenLink(label=str(_("Plenary wall")), url=url, priority=42.5)]
