from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction

from ..models import Attendee
from ..permissions import rsvp_link_refusal
from ..selectors import accounts_by_email
from .attendees import AttendeeData
from .holds import Held, held_attendees_store
from .notices import login_emails_queue_for


def _names(full_name: str) -> tuple[str, str]:
    first, _, last = full_name.strip().rpartition(" ")
    return (first, last) if first else (last, "")


@transaction.atomic
def attendee_accounts_link(*, attendees: Iterable[Attendee]) -> list[Attendee]:
    """Links each attendee without an account to the account with their email, creating it when there
    is none: no password (they log in by emailed code), the inviting organisation as theirs.

    Returns the attendees linked now; those are the ones to send a login email. Only an account of no
    organisation or of the inviting one is linked (and only the former gets the organisation set). A
    staff account, or another organisation's, is never touched: the attendee is held for the
    organisers instead (services/holds.py). The RSVP screens these out before; this holds whoever
    calls, e.g. a promotion from the waiting list after the account became staff.
    """
    attendees = [attendee for attendee in attendees if attendee.user_id is None]
    accounts = accounts_by_email(emails=[attendee.email for attendee in attendees])
    linked, held = [], {}
    for attendee in attendees:
        user = accounts.get(attendee.email.lower())
        invitation = attendee.invitation
        organisation_id = invitation.organisation_id
        reason = rsvp_link_refusal(account=user, organisation_id=organisation_id) if user else None
        if reason is not None:
            held.setdefault(invitation.pk, (invitation, []))[1].append(
                Held(
                    person=AttendeeData(name=attendee.name, email=attendee.email), reason=reason, account=user
                )
            )
            attendee.delete()
            continue
        if user is None:
            first_name, last_name = _names(attendee.name)
            user = get_user_model().objects.create_user(
                email=attendee.email,
                password=None,
                first_name=first_name[:150],
                last_name=last_name[:150],
                organisation_id=organisation_id,
            )
            user.set_unusable_password()  # create_user does this for None too; said out loud here
            user.save(update_fields=["password"])
        elif user.organisation_id is None:
            user.organisation_id = organisation_id
            user.save(update_fields=["organisation"])
        # allauth finds people for a login code through their EmailAddress rows.
        if not EmailAddress.objects.filter(user=user, email__iexact=user.email).exists():
            has_primary = EmailAddress.objects.filter(user=user, primary=True).exists()
            EmailAddress.objects.create(user=user, email=user.email, primary=not has_primary, verified=False)
        attendee.user = user
        attendee.save(update_fields=["user"])
        linked.append(attendee)
    for invitation, people in held.values():
        held_attendees_store(invitation=invitation, held=people)
    return linked


def login_emails_queue(*, attendees: Iterable[Attendee]) -> None:
    """Queues the login email for each attendee whose account can log in."""
    ids = [attendee.pk for attendee in attendees if attendee.user and attendee.user.is_active]
    if ids:
        login_emails_queue_for(attendee_ids=ids)
