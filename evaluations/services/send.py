"""Sending a held consultation's evaluation to its attendees, and the one reminder."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from outbox.models import OutboxMail

from ..log_actions import EVALUATION_REMIND, EVALUATION_SEND
from ..models import Evaluation, EvaluationLink
from ..permissions import can_send_evaluation, is_held
from ..selectors import attendees_for_evaluation, unused_links
from .links import link_mail_key, link_mail_queue


@transaction.atomic
def evaluation_send(
    *, user, consultation, closes_at: dt.datetime, include_not_checked_in: bool = False
) -> int:
    """Queues a link to every attendee not mailed one before; returns how many. Sending again (after
    a late check-in, or to add the remote participants) mails nobody twice, and may move the closing
    date."""
    if not can_send_evaluation(user=user, consultation=consultation):
        raise PermissionDenied
    if not is_held(consultation=consultation):
        raise ValidationError(_("The evaluation can be sent once the consultation has been held."))
    if closes_at <= timezone.now():
        raise ValidationError(_("The closing date must be in the future."))
    evaluation, _created = Evaluation.objects.select_for_update().get_or_create(
        consultation=consultation, defaults={"closes_at": closes_at, "sent_by": user}
    )
    evaluation.closes_at = closes_at
    attendees = list(
        attendees_for_evaluation(consultation=consultation, include_not_checked_in=include_not_checked_in)
    )
    mailed = _mailed_keys(consultation=consultation)
    queued = 0
    for attendee in attendees:
        # Mailed before (and perhaps answered since, its link deleted): never a second link.
        if link_mail_key(consultation_id=consultation.pk, attendee_id=attendee.pk, reminder=False) in mailed:
            continue
        link, _created = EvaluationLink.objects.get_or_create(evaluation=evaluation, attendee=attendee)
        link_mail_queue(link=link)
        queued += 1
    evaluation.recipient_count += queued
    evaluation.save(update_fields=["closes_at", "recipient_count"])
    log(
        instance=consultation,
        action=EVALUATION_SEND,
        user=user,
        data={"count": queued, "closes_at": closes_at.isoformat()},
    )
    return queued


def _mailed_keys(*, consultation) -> set[str]:
    prefix = f"evaluation:{consultation.pk}:"
    return set(OutboxMail.objects.filter(key__startswith=prefix).values_list("key", flat=True))


@transaction.atomic
def evaluation_remind(*, user, consultation) -> int:
    """Once, while the evaluation is open: a new link to everyone who has not answered yet."""
    if not can_send_evaluation(user=user, consultation=consultation):
        raise PermissionDenied
    evaluation = Evaluation.objects.select_for_update().filter(consultation=consultation).first()
    if evaluation is None:
        raise ValidationError(_("Send the evaluation before reminding anyone."))
    if not evaluation.is_open():
        raise ValidationError(_("The evaluation has closed."))
    if evaluation.reminded_at is not None:
        raise ValidationError(_("A reminder has already been sent."))
    links = list(unused_links(evaluation=evaluation).select_related("evaluation__consultation"))
    for link in links:
        link_mail_queue(link=link, reminder=True)
    evaluation.reminded_at = timezone.now()
    evaluation.save(update_fields=["reminded_at"])
    log(instance=consultation, action=EVALUATION_REMIND, user=user, data={"count": len(links)})
    return len(links)
