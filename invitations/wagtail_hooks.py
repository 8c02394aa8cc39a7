"""The invitation app in the Wagtail admin: audit-log labels and messages (page history, reports),
the organisers' permission, and the organisers' screens with their buttons on consultation pages."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from consultations.models import ConsultationPage
from sakrad.admin_logs import log_actions_register
from sakrad.admin_menus import PageTypeMenuItem, admin_urls_register, page_menu_item_register

from . import log_actions as actions
from .admin_views import urls as admin_urls
from .choices import HoldReason, InvitationStatus
from .permissions import can_manage_invitations

# action -> (label, message with %(name)s placeholders filled from the entry's data)
MESSAGES = {
    actions.INVITATION_CREATE: (
        _("Add invitations"),
        _("Added %(count)s organisations to the invitation list"),
    ),
    actions.INVITATION_SEND: (_("Send invitations"), _("Started sending %(total)s invitations")),
    actions.INVITATION_SEND_RETRY: (_("Retry sending"), _("Retried %(retry)s emails that had not gone out")),
    actions.REMINDER_SEND: (_("Send reminders"), _("Started sending %(total)s reminders")),
    actions.INVITATION_DELIVERED: (_("Invitation email sent"), _("Email sent (%(kind)s)")),
    actions.INVITATION_DELIVERY_FAILED: (_("Invitation email failed"), _("Email failed: %(error)s")),
    actions.INVITATION_TOKEN_REVOKE: (_("Revoke invitation link"), _("Revoked the invitation link")),
    actions.RSVP_ACCEPT: (_("Answer: accept"), _("Accepted with %(attendees)s attendees (%(status)s)")),
    actions.RSVP_DECLINE: (_("Answer: decline"), _("Declined the invitation")),
    actions.WAITLIST_PROMOTE: (
        _("Promote from waiting list"),
        _("Taken off the waiting list with %(attendees)s attendees"),
    ),
    actions.INVITATION_REMOVE: (
        _("Remove from the invitation list"),
        _("Removed %(organisation)s from the invitation list before sending"),
    ),
    actions.INVITATION_WITHDRAW: (
        _("Withdraw invitation"),
        _("Withdrew the invitation (it was: %(status)s; %(attendees)s attendees removed)"),
    ),
    actions.ATTENDEE_REMOVE: (_("Remove attendee"), _("Removed an attendee; %(remaining)s remain")),
    actions.ATTENDEE_CHECK_IN: (_("Check in attendee"), _("Changed an attendee's check-in")),
    actions.ATTENDEE_HOLD: (
        _("Person not added from the link"),
        _("A person named on the link was held for the organisers: %(reason)s"),
    ),
    actions.HELD_ATTENDEE_RESOLVE: (
        _("Held person handled"),
        _("The organisers handled a person held from the link (%(reason)s)"),
    ),
    actions.ATTENDEE_NEEDS_ERASE: (
        _("Erase attendee needs"),
        _("Erased the access and dietary needs of %(attendees)s attendees"),
    ),
}


def _in_words(data: dict) -> dict:
    # Stored as values, shown as words.
    if data.get("status") in InvitationStatus.values:
        data["status"] = InvitationStatus(data["status"]).label
    if data.get("reason") in HoldReason.values:
        data["reason"] = HoldReason(data["reason"]).label
    return data


log_actions_register(MESSAGES, prepare=_in_words)


@hooks.register("register_permissions")
def register_invitation_permissions():
    # Lets "change invitation" (see permissions.MANAGE_PERMISSION) be granted in Wagtail's group editor.
    return Permission.objects.filter(content_type__app_label="invitations", codename="change_invitation")


# --- The organisers' screens (invitations/admin_views/) -------------------------------------------


admin_urls_register("invitations", admin_urls.urlpatterns, namespace="invitations_admin")


class InvitationsMenuItem(PageTypeMenuItem):
    """The Invitations item in a consultation's "more" menu (page header and page listing)."""

    label = _("Invitations")
    icon_name = "mail"
    url_name = "invitations_admin:index"
    page_type = ConsultationPage
    may = can_manage_invitations


page_menu_item_register(InvitationsMenuItem, header_priority=40, listing_priority=45)


class CheckInMenuItem(PageTypeMenuItem):
    """Check-in on the day, one tap from the consultation: at the door the organiser has a phone and
    no time to go through the invitation overview."""

    label = _("Check-in")
    icon_name = "circle-check"
    url_name = "invitations_admin:check_in"
    page_type = ConsultationPage
    # Who may open the check-in screen (admin_views/attendees.py's CheckInView).
    may = can_manage_invitations


page_menu_item_register(CheckInMenuItem, header_priority=41, listing_priority=46)
