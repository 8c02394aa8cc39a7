"""Sending the form and confirming it from the contact's address. Anonymous actions: no audit-log
entry (it would keep the address); the view has applied the honeypot and the rate limits."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from invitations.tokens import token_hash, token_well_formed
from outbox.services.queue import mail_queue_built

from ..delivery import CONFIRM
from ..models import JoinRequest, JoinRequestStatus
from ..tokens import CONFIRM_DAYS


@transaction.atomic
def join_request_submit(
    *,
    organisation_name: str,
    organisation_number: str,
    kind: str,
    county: str,
    themes,
    contact_name: str,
    contact_email: str,
    motivation: str,
) -> JoinRequest:
    """Stores the request, unconfirmed and unseen by staff, and queues the mail with the link that
    confirms it. The caller has validated the details (forms.JoinRequestForm) and the consent."""
    join_request = JoinRequest.objects.create(
        organisation_name=organisation_name,
        organisation_number=organisation_number,
        kind=kind,
        county=county,
        contact_name=contact_name,
        contact_email=contact_email,
        motivation=motivation,
        consented_at=timezone.now(),
    )
    join_request.themes.set(themes)
    mail_queue_built(
        purpose=CONFIRM,
        key=f"{CONFIRM}:{join_request.pk}",
        to=[contact_email],
        context={"request": join_request.pk},
    )
    return join_request


@transaction.atomic
def join_request_confirm(*, token: str) -> JoinRequest | None:
    """Confirms the request of a valid link younger than CONFIRM_DAYS; None for a bad, old or erased
    one. A link used twice finds the request confirmed already and says so again."""
    if not token_well_formed(token):
        return None
    join_request = (
        JoinRequest.objects.select_for_update().filter(confirm_token_hash=token_hash(token)).first()
    )
    if join_request is None:
        return None
    if join_request.status == JoinRequestStatus.UNCONFIRMED:
        if join_request.created_at < timezone.now() - timedelta(days=CONFIRM_DAYS):
            return None
        join_request.status = JoinRequestStatus.PENDING
        join_request.confirmed_at = timezone.now()
        join_request.save(update_fields=["status", "confirmed_at"])
    return join_request
