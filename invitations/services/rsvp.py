"""The organisation's answer, given with the link's token (no account): accept with named attendees,
or decline. Both can be changed until the deadline."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..log_actions import RSVP_ACCEPT, RSVP_DECLINE
from ..models import HeldAttendee, Invitation, InvitationStatus
from ..permissions import TokenState, token_state
from ..selectors import invitation_for_token, seats_left
from .accounts import attendee_accounts_link, login_emails_queue
from .attendees import AttendeeData, attendees_replace, attendees_validate
from .common import consultation_lock
from .holds import attendees_screen, held_attendees_release, held_attendees_store
from .waitlist import promote_fitting


class RsvpRefused(Exception):
    """The link may not answer (any more): unknown, revoked or expired. Nothing was changed."""

    def __init__(self, state: TokenState):
        super().__init__(state)
        self.state = state


@dataclass(frozen=True)
class RsvpOutcome:
    invitation: Invitation
    changed: bool
    promoted: list[Invitation] = field(default_factory=list)
    # A form already used for an earlier answer, sent again with other data (e.g. from a stale tab):
    # not stored, so an old page cannot silently overwrite a newer answer.
    duplicate: bool = False
    # People named whom the link may not add (services/holds.py): waiting for the organisers. Every
    # one gets the same neutral answer, whatever the reason; the reason is not for the link holder.
    held: list[HeldAttendee] = field(default_factory=list)


def _stale_form(*, invitation: Invitation, nonce: str) -> RsvpOutcome | None:
    if nonce and nonce == invitation.answer_nonce:
        return RsvpOutcome(invitation=invitation, changed=False, duplicate=True)
    return None


def _answering_invitation(*, token: str) -> Invitation:
    """The token's invitation, with the whole consultation locked; or RsvpRefused."""
    found = invitation_for_token(token=token)
    if found is None:
        raise RsvpRefused(TokenState.UNKNOWN)
    consultation_lock(consultation_id=found.consultation_id)
    # Read again under the lock: a send may have replaced the token, or staff revoked it, meanwhile.
    invitation = invitation_for_token(token=token)
    state = token_state(invitation=invitation)
    if state != TokenState.VALID:
        raise RsvpRefused(state)
    return invitation


def _unchanged(*, invitation: Invitation, nonce: str, held=()) -> RsvpOutcome:
    if nonce and invitation.answer_nonce != nonce:
        invitation.answer_nonce = nonce
        invitation.save(update_fields=["answer_nonce"])
    return RsvpOutcome(invitation=invitation, changed=False, held=list(held))


def _held_rows(*, invitation: Invitation, emails) -> list[HeldAttendee]:
    return list(invitation.held_attendees.filter(email__in=set(emails)).order_by("pk"))


@transaction.atomic
def rsvp_accept(*, token: str, attendees: Sequence[AttendeeData], nonce: str = "") -> RsvpOutcome:
    """Accepts with the named attendees. When the seats are taken, the invitation goes on the waiting
    list with its attendees; a changed answer that frees seats promotes the next in line."""
    invitation = _answering_invitation(token=token)
    people = attendees_validate(invitation=invitation, attendees=attendees)
    # Decided before anything is stored, and the same way for every address (services/holds.py).
    screening = attendees_screen(invitation=invitation, people=people)
    admitted, held_emails = screening.admitted, [item.person.email for item in screening.held]
    current = {
        (a.name, a.email, tuple(a.access_needs), a.access_needs_other, a.dietary_needs)
        for a in invitation.attendees.all()
    }
    waiting = _held_rows(invitation=invitation, emails=held_emails)
    if (
        invitation.status in (InvitationStatus.ACCEPTED, InvitationStatus.WAITLISTED)
        and current
        == {(p.name, p.email, p.access_needs, p.access_needs_other, p.dietary_needs) for p in admitted}
        and len(waiting) == len(held_emails)
    ):
        # e.g. the same form submitted twice; its held people are told the same again
        return _unchanged(invitation=invitation, nonce=nonce, held=waiting)
    if stale := _stale_form(invitation=invitation, nonce=nonce):
        return stale

    was_accepted = invitation.status == InvitationStatus.ACCEPTED
    free = seats_left(consultation=invitation.consultation, exclude=invitation)
    # Held people take no seat: they are not attendees (they count against the organisation's quota
    # of names, checked above, as they were named).
    fits = free is None or len(admitted) <= free
    if was_accepted and not fits:
        # Moving an accepted organisation to the waiting list would cost it the seats it has.
        raise ValidationError(
            _(
                "The consultation is nearly full: your organisation can have at most %(seats)d "
                "attendees now. Remove someone, or keep your earlier answer."
            ),
            code="capacity",
            params={"seats": free},
        )
    removed, _added = attendees_replace(invitation=invitation, attendees=admitted)
    held_attendees_release(invitation=invitation, emails=[person.email for person in admitted])
    held_attendees_store(invitation=invitation, held=screening.held)
    now = timezone.now()
    if fits:
        invitation.status, invitation.waitlisted_at = InvitationStatus.ACCEPTED, None
    else:
        if invitation.status != InvitationStatus.WAITLISTED:
            invitation.waitlisted_at = now  # a changed list keeps its place in line
        invitation.status = InvitationStatus.WAITLISTED
    invitation.answered_at, invitation.decline_comment, invitation.answer_nonce = now, "", nonce
    invitation.save()

    linked = []
    if invitation.status == InvitationStatus.ACCEPTED:
        linked = attendee_accounts_link(attendees=invitation.attendees.select_related("invitation"))
        login_emails_queue(attendees=linked)
    promoted = promote_fitting(consultation=invitation.consultation) if was_accepted and removed else []
    log(
        instance=invitation,
        action=RSVP_ACCEPT,
        data={"status": invitation.status, "attendees": len(admitted), "accounts_linked": len(linked)},
    )
    held = _held_rows(invitation=invitation, emails=held_emails)
    return RsvpOutcome(invitation=invitation, changed=True, promoted=promoted, held=held)


@transaction.atomic
def rsvp_decline(*, token: str, comment: str = "", nonce: str = "") -> RsvpOutcome:
    """Declines. Named attendees are removed with their needs; seats they held go to the waiting list."""
    invitation = _answering_invitation(token=token)
    comment = comment.strip()
    if invitation.status == InvitationStatus.DECLINED and invitation.decline_comment == comment:
        return _unchanged(invitation=invitation, nonce=nonce)
    if stale := _stale_form(invitation=invitation, nonce=nonce):
        return stale
    was_accepted = invitation.status == InvitationStatus.ACCEPTED
    invitation.attendees.all().delete()
    invitation.status, invitation.waitlisted_at = InvitationStatus.DECLINED, None
    invitation.answered_at, invitation.decline_comment, invitation.answer_nonce = (
        timezone.now(),
        comment,
        nonce,
    )
    invitation.save()
    promoted = promote_fitting(consultation=invitation.consultation) if was_accepted else []
    log(instance=invitation, action=RSVP_DECLINE, data={"with_comment": bool(comment)})
    return RsvpOutcome(invitation=invitation, changed=True, promoted=promoted)
