"""Every change to invitations, attendees and sends goes through these functions (HackSoft style):
one named action each, with its permission check and audit-log entry."""

from .accounts import attendee_accounts_link
from .attendance import attendee_check_in, attendee_remove
from .create import invitation_create_many
from .holds import held_attendee_resolve
from .privacy import attendee_needs_erase
from .rsvp import AttendeeData, RsvpOutcome, RsvpRefused, rsvp_accept, rsvp_decline
from .sending import invitation_send_retry, invitation_send_start, reminder_send
from .tokens import invitation_token_revoke
from .waitlist import invitation_promote, waitlist_promote
from .withdraw import invitation_remove

__all__ = [
    "AttendeeData",
    "RsvpOutcome",
    "RsvpRefused",
    "attendee_accounts_link",
    "attendee_check_in",
    "attendee_needs_erase",
    "attendee_remove",
    "held_attendee_resolve",
    "invitation_create_many",
    "invitation_promote",
    "invitation_remove",
    "invitation_send_retry",
    "invitation_send_start",
    "invitation_token_revoke",
    "reminder_send",
    "rsvp_accept",
    "rsvp_decline",
    "waitlist_promote",
]
