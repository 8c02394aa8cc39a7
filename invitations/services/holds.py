"""People an RSVP link may not add: held for the organisers instead of becoming attendees.

A link adds people to its own organisation. Naming a staff account, another organisation's account
or a person another organisation has named for the same consultation must not change that account
(organisation, names, password, login emails) nor make it an attendee; and the link holder must not
learn which of these it was, or that the address is known here at all beyond "could not be added".
So every named address is looked up in the same queries whatever it turns out to be, every held
person gets the same neutral answer, and the organisers see the reason and contact the organisation.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from wagtail.log_actions import log

from ..log_actions import ATTENDEE_HOLD, HELD_ATTENDEE_RESOLVE
from ..models import HeldAttendee, HoldReason, Invitation
from ..permissions import rsvp_link_refusal
from ..selectors import accounts_by_email, emails_taken_elsewhere
from .attendees import AttendeeData
from .common import require_manager
from .notices import held_notice_queue


@dataclass(frozen=True)
class Held:
    person: AttendeeData
    reason: HoldReason
    account: object | None  # the account the address belongs to, if any


@dataclass(frozen=True)
class Screening:
    admitted: list[AttendeeData] = field(default_factory=list)
    held: list[Held] = field(default_factory=list)


def attendees_screen(*, invitation: Invitation, people: Sequence[AttendeeData]) -> Screening:
    """Splits validated people into those the link may add and those held for the organisers.

    People already attendees of this invitation stay (the link added them before; holding them now
    would take a seat away). Always the same three queries, for any mix of addresses."""
    emails = [person.email for person in people]
    own = set(invitation.attendees.values_list("email", flat=True))
    accounts = accounts_by_email(emails=emails)
    elsewhere = emails_taken_elsewhere(
        consultation=invitation.consultation, emails=emails, exclude=invitation
    )
    screening = Screening()
    for person in people:
        account = accounts.get(person.email)
        reason = None
        if person.email not in own:
            reason = rsvp_link_refusal(
                account=account,
                organisation_id=invitation.organisation_id,
                named_elsewhere=person.email in elsewhere,
            )
        if reason is None:
            screening.admitted.append(person)
        else:
            screening.held.append(Held(person=person, reason=reason, account=account))
    return screening


def held_attendees_store(*, invitation: Invitation, held: Sequence[Held]) -> list[HeldAttendee]:
    """Keeps each held person for the organisers and tells them, once per person and invitation:
    naming someone again while they wait changes nothing. Returns the rows made now.
    The caller holds the consultation lock."""
    waiting = set(invitation.held_attendees.values_list("email", flat=True))
    created = []
    for item in held:
        if item.person.email in waiting:
            continue
        row = HeldAttendee.objects.create(
            invitation=invitation,
            consultation_id=invitation.consultation_id,
            name=item.person.name[:200],
            email=item.person.email,
            reason=item.reason,
            account=item.account,
        )
        waiting.add(row.email)
        # The reason only: the audit log never holds names or addresses.
        log(instance=invitation, action=ATTENDEE_HOLD, data={"reason": str(item.reason)})
        created.append(row)
    if created:
        held_notice_queue(held_ids=[row.pk for row in created])
    return created


def held_attendees_release(*, invitation: Invitation, emails) -> int:
    """A person the link has now added waits no more (the organisers resolved what stood in the way)."""
    count, _ = invitation.held_attendees.filter(email__in=set(emails)).delete()
    return count


@transaction.atomic
def held_attendee_resolve(*, held: HeldAttendee, user) -> None:
    """The organisers have handled a held person (contacted the organisation, moved or added the
    account by hand): the row goes, since it exists only as their to-do; the audit log keeps that it
    was handled and why it had been held, without the person's name or address."""
    require_manager(user=user, consultation=held.consultation)
    invitation = held.invitation
    reason = held.reason
    held.delete()
    log(instance=invitation, action=HELD_ATTENDEE_RESOLVE, user=user, data={"reason": reason})
