"""Reminding the organisers of takeaways with no response for SAKRAD_OUTCOMES_REMINDER_WEEKS weeks.

Silence counts from the latest follow-up answering the takeaway, or from the minutes' first publication.
A takeaway is remembered once per period of that length (TakeawayReminder): after 12 weeks, again after
24 if still nothing, and never twice for the same period however often this runs. One mail per
consultation and run, to its organisers (invitations.selectors.organiser_contacts) who may follow up.
Run daily: `manage.py outcomes_remind` (docs/outcomes.md).
"""

from __future__ import annotations

import datetime as dt
import logging
from itertools import groupby

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from invitations.selectors import organiser_contacts
from minutes.permissions import can_follow_up
from outbox.services.queue import mail_queue

from ..log_actions import OUTCOMES_REMINDER
from ..mail import reminder_message
from ..models import TakeawayReminder
from ..selectors import silent_since, silent_takeaways

logger = logging.getLogger(__name__)


def reminder_weeks() -> int:
    return max(1, int(getattr(settings, "SAKRAD_OUTCOMES_REMINDER_WEEKS", 12)))


def _due(*, today: dt.date, weeks: int) -> list:
    """Silent takeaways whose current period has had no reminder, each with `silent_since`, `period`."""
    sent = set(TakeawayReminder.objects.values_list("takeaway_id", "silent_since", "period"))
    due = []
    for takeaway in silent_takeaways():
        since = silent_since(takeaway)
        if since is None:
            continue
        period = (today - since).days // (weeks * 7)
        if period >= 1 and (takeaway.pk, since, period) not in sent:
            takeaway.silent_since, takeaway.period = since, period
            due.append(takeaway)
    return due


@transaction.atomic
def takeaway_reminders_send(*, today: dt.date | None = None) -> int:
    """Queues the reminders due today; returns how many takeaways were reminded of."""
    today = today or timezone.localdate()
    weeks = reminder_weeks()
    reminded = 0
    for _minutes_id, rows in groupby(_due(today=today, weeks=weeks), key=lambda row: row.page_id):
        takeaways = list(rows)
        minutes = takeaways[0].page
        consultation = minutes.get_parent().specific
        to = [
            user.email
            for user in organiser_contacts(consultation=consultation)
            if user.email and can_follow_up(user=user, minutes=minutes)
        ]
        if not to:
            logger.warning("No organiser to remind of the silent takeaways of minutes %s", minutes.pk)
        else:
            keys = ",".join(f"{t.pk}.{t.silent_since:%Y%m%d}.{t.period}" for t in takeaways)
            mail_queue(
                message=reminder_message(
                    consultation=consultation, minutes=minutes, takeaways=takeaways, weeks=weeks, to=to
                ),
                purpose="outcomes-reminder",
                key=f"outcomes-reminder:{minutes.pk}:{keys}",
                consultation=consultation,
            )
            log(instance=minutes, action=OUTCOMES_REMINDER, data={"count": len(takeaways), "weeks": weeks})
        TakeawayReminder.objects.bulk_create(
            TakeawayReminder(
                takeaway=takeaway,
                silent_since=takeaway.silent_since,
                period=takeaway.period,
                recipients=len(to),
            )
            for takeaway in takeaways
        )
        reminded += len(takeaways)
    return reminded
