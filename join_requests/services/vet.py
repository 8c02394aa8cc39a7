"""Staff's decision on a confirmed request: accept (the organisation joins the register) or decline
with a reason. Either way the applicant is told by e-mail, through the outbox."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from organisations.models import Organisation
from outbox.services.queue import mail_queue

from ..delivery import ACCEPTED, DECLINED
from ..log_actions import JOIN_REQUEST_ACCEPT, JOIN_REQUEST_DECLINE
from ..mail import accepted_message, declined_message
from ..models import JoinRequest, JoinRequestStatus
from ..permissions import can_vet_join_requests
from ..selectors import likely_duplicates


def _pending(*, join_request: JoinRequest, user) -> JoinRequest:
    if not can_vet_join_requests(user=user):
        raise PermissionDenied
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequestStatus.PENDING:
        raise ValidationError(
            _("This request is not waiting to be vetted: it was decided already."), code="decided"
        )
    return join_request


def _decided(join_request: JoinRequest, *, status: str, user) -> None:
    join_request.status = status
    join_request.decided_at = timezone.now()
    join_request.decided_by = user
    join_request.save()


def _check_duplicates(join_request: JoinRequest, *, despite_duplicates: bool) -> None:
    duplicates = likely_duplicates(join_request=join_request)
    same_name = [found.organisation.name for found in duplicates if found.same_name]
    if same_name:
        raise ValidationError(
            _(
                "An organisation named %(name)s is in the register already. If it is the same one, "
                "decline the request and tell the applicant so."
            ),
            code="same_name",
            params={"name": same_name[0]},
        )
    if duplicates and not despite_duplicates:
        raise ValidationError(
            _(
                "This looks like an organisation already in the register (%(names)s). Check, and tick "
                "that it is not the same organisation to add it anyway."
            ),
            code="duplicate",
            params={"names": ", ".join(found.organisation.name for found in duplicates)},
        )


@transaction.atomic
def join_request_accept(*, join_request: JoinRequest, user, despite_duplicates: bool = False) -> Organisation:
    """Adds the organisation to the register with the request's details, and mails the applicant.
    A likely duplicate (same number, a similar name) is refused unless `despite_duplicates`."""
    join_request = _pending(join_request=join_request, user=user)
    _check_duplicates(join_request, despite_duplicates=despite_duplicates)
    organisation = Organisation(
        name=join_request.organisation_name,
        organisation_number=join_request.organisation_number,
        kind=join_request.kind,
        county=join_request.county,
        # The applicant's address both receives the invitations and keeps the details, until the
        # organisation's contact person says otherwise (docs/organisations.md).
        contact_emails=join_request.contact_email,
        contact_name=join_request.contact_name,
        contact_email=join_request.contact_email,
    )
    organisation.full_clean()
    organisation.save()
    organisation.themes.set(join_request.themes.all())
    join_request.organisation = organisation
    _decided(join_request, status=JoinRequestStatus.ACCEPTED, user=user)
    mail_queue(
        message=accepted_message(join_request=join_request),
        purpose=ACCEPTED,
        key=f"{ACCEPTED}:{join_request.pk}",
    )
    log(instance=organisation, action=JOIN_REQUEST_ACCEPT, user=user, data={"request": join_request.pk})
    return organisation


@transaction.atomic
def join_request_decline(*, join_request: JoinRequest, user, reason: str) -> JoinRequest:
    """Declines with `reason`, which the applicant is mailed. The request is erased
    SAKRAD_JOIN_REQUESTS_KEEP_DAYS later (erase.py)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Write the reason: the applicant is told it."), code="reason")
    join_request = _pending(join_request=join_request, user=user)
    join_request.decline_reason = reason
    _decided(join_request, status=JoinRequestStatus.DECLINED, user=user)
    mail_queue(
        message=declined_message(join_request=join_request),
        purpose=DECLINED,
        key=f"{DECLINED}:{join_request.pk}",
    )
    log(instance=join_request, action=JOIN_REQUEST_DECLINE, user=user, data={"request": join_request.pk})
    return join_request
