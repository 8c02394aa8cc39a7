from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log

from ..log_actions import WAITLIST_PROMOTE
from ..models import Invitation, InvitationStatus
from ..selectors import seats_left
from .accounts import attendee_accounts_link, login_emails_queue
from .common import consultation_lock, require_manager
from .notices import promoted_email_queue


@transaction.atomic
def waitlist_promote(*, consultation, user) -> list[Invitation]:
    """Staff's way to fill free seats from the waiting list, e.g. after raising the capacity. Answers
    that free seats (a decline, fewer attendees) do the same by themselves."""
    require_manager(user=user, consultation=consultation)
    consultation_lock(consultation_id=consultation.pk)
    return promote_fitting(consultation=consultation, user=user)


def promote_fitting(*, consultation, user=None) -> list[Invitation]:
    """Accepts waitlisted invitations, first come first served, as long as all their attendees fit.

    One that does not fit is passed over for a smaller one behind it (and keeps its place), so free
    seats are not left empty. The caller holds the consultation lock (common.consultation_lock).
    """
    if timezone.now() >= consultation.starts_at:
        return []  # a seat freed during the event helps no one
    free = seats_left(consultation=consultation)
    promoted = []
    for invitation in Invitation.objects.for_consultation(consultation).waitlist().with_attendee_count():
        if free is not None and invitation.attendee_count > free:
            continue
        _promote(invitation=invitation, user=user)
        if free is not None:
            free -= invitation.attendee_count
        promoted.append(invitation)
        if free == 0:
            break
    return promoted


@transaction.atomic
def invitation_promote(*, invitation: Invitation, user) -> Invitation:
    """Staff take this one organisation off the waiting list, out of turn, if its people fit."""
    require_manager(user=user, consultation=invitation.consultation)
    consultation_lock(consultation_id=invitation.consultation_id)
    invitation = (
        Invitation.objects.select_related("consultation", "organisation")
        .with_attendee_count()
        .get(pk=invitation.pk)
    )
    name = invitation.organisation.name
    if invitation.status != InvitationStatus.WAITLISTED:
        raise ValidationError(
            _("%(organisation)s is not on the waiting list (any more).") % {"organisation": name},
            code="not_waitlisted",
        )
    if timezone.now() >= invitation.consultation.starts_at:
        raise ValidationError(
            _("The consultation has started: no one can be taken off the waiting list."), code="started"
        )
    free = seats_left(consultation=invitation.consultation)
    if free is not None and invitation.attendee_count > free:
        raise ValidationError(
            ngettext(
                "%(organisation)s needs %(needed)s seats and %(free)s is free. Raise the capacity of the "
                "consultation or remove attendees first.",
                "%(organisation)s needs %(needed)s seats and %(free)s are free. Raise the capacity of the "
                "consultation or remove attendees first.",
                free,
            )
            % {"organisation": name, "needed": invitation.attendee_count, "free": free},
            code="no_seats",
        )
    _promote(invitation=invitation, user=user)
    return invitation


def _promote(*, invitation: Invitation, user) -> None:
    """Gives a waitlisted invitation its seats: its people get their logins, the organisation an email."""
    invitation.status = InvitationStatus.ACCEPTED
    invitation.waitlisted_at = None
    invitation.save(update_fields=["status", "waitlisted_at"])
    linked = attendee_accounts_link(attendees=invitation.attendees.select_related("invitation"))
    login_emails_queue(attendees=linked)
    promoted_email_queue(invitation_id=invitation.pk)
    log(
        instance=invitation,
        action=WAITLIST_PROMOTE,
        user=user,
        data={"attendees": invitation.attendee_count},
    )
