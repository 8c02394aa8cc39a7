"""Telling those who attended: once when the minutes are first published, once per follow-up.

Both run from Wagtail's `page_published` signal (minutes/signals.py), inside the publishing
transaction: what was announced is recorded there (an entry in the page history, and the follow-up's
`notified_at`), and the emails are queued in the outbox in the same transaction, so a rolled-back
publish mails no one and a re-publish, or a new revision, mails no one again (nor does the outbox's
key: once per recipient and minutes, or follow-up).

The page history entries are the marker, not `notified_at` alone: publishing a revision writes the
follow-ups as that revision holds them, which can be a `notified_at` from before the email went.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import Page, PageLogEntry

from invitations.models import Attendee, Invitation
from outbox.services import mails_queue

from ..mail import follow_up_message, minutes_published_message
from ..models import FollowUp

MINUTES_NOTIFIED = "sakrad.minutes_notified"
FOLLOW_UP_NOTIFIED = "sakrad.follow_up_notified"


def minutes_recipients(*, consultation) -> list[Attendee]:
    """Who attended: those checked in on the day; if nobody was checked in (attendance not taken),
    the attendees of the accepted invitations."""
    attendees = Attendee.objects.filter(consultation=consultation).order_by("pk")
    checked_in = list(attendees.filter(checked_in_at__isnull=False))
    if checked_in:
        return checked_in
    return list(attendees.filter(invitation__in=Invitation.objects.accepted()))


def minutes_notified(*, page) -> bool:
    return PageLogEntry.objects.filter(page_id=page.pk, action=MINUTES_NOTIFIED).exists()


def minutes_publication_notify(*, page) -> bool:
    """Emails everyone who attended the link to the minutes, the first time they are published.

    Returns whether this call announced them (False: not live, or announced before)."""
    with transaction.atomic():
        # One publish at a time decides whether it is the first (a no-op on SQLite, serial anyway).
        Page.objects.select_for_update().filter(pk=page.pk).first()
        if not page.live or minutes_notified(page=page):
            return False
        consultation = page.get_parent().specific
        attendees = minutes_recipients(consultation=consultation)
        messages = [
            minutes_published_message(page=page, consultation=consultation, attendee=attendee)
            for attendee in attendees
        ]
        log(instance=page, action=MINUTES_NOTIFIED, data={"recipients": len(messages)})
        mails_queue(
            messages=messages,
            purpose="minutes-published",
            key=f"minutes-published:{page.pk}",
            consultation=consultation,
        )
    return True


def follow_up_notify(*, page, announce: bool = True) -> int:
    """Emails the attendees about each follow-up of the live minutes not announced yet, and records
    it (`notified_at` and the page history). With announce=False the follow-ups are only recorded
    as told: the first publication's email already points everyone at the page that shows them.

    Returns the number of follow-ups announced."""
    with transaction.atomic():
        Page.objects.select_for_update().filter(pk=page.pk).first()
        if not page.live:
            return 0
        told = _follow_ups_told(page=page)
        rows = FollowUp.objects.filter(page_id=page.pk).order_by("date", "pk").prefetch_related("answers")
        follow_ups = list(rows)
        now = timezone.now()
        pending = []
        for follow_up in follow_ups:
            if follow_up.pk in told:
                if follow_up.notified_at is None:  # written back by an older revision: restore it
                    FollowUp.objects.filter(pk=follow_up.pk).update(notified_at=told[follow_up.pk])
                continue
            if follow_up.notified_at is None:
                pending.append(follow_up)
        if not pending:
            return 0
        consultation = page.get_parent().specific
        attendees = minutes_recipients(consultation=consultation) if announce else []
        for follow_up in pending:
            takeaways = sorted(follow_up.answers.all(), key=lambda row: (row.sort_order or 0, row.pk))
            messages = [
                follow_up_message(
                    page=page,
                    consultation=consultation,
                    follow_up=follow_up,
                    takeaways=takeaways,
                    attendee=attendee,
                )
                for attendee in attendees
            ]
            mails_queue(
                messages=messages,
                purpose="follow-up",
                key=f"follow-up:{follow_up.pk}",
                consultation=consultation,
            )
            FollowUp.objects.filter(pk=follow_up.pk).update(notified_at=now)
            follow_up.notified_at = now
            log(
                instance=page,
                action=FOLLOW_UP_NOTIFIED,
                data={
                    "follow_up": follow_up.pk,
                    "date": follow_up.date.isoformat(),
                    "recipients": len(attendees),
                    "notified_at": now.isoformat(),
                },
            )
    return len(pending)


def _follow_ups_told(*, page) -> dict:
    """Follow-up id -> when it was announced, from the page history."""
    told = {}
    for entry in PageLogEntry.objects.filter(page_id=page.pk, action=FOLLOW_UP_NOTIFIED).order_by("pk"):
        data = entry.data or {}
        if "follow_up" in data:
            told.setdefault(data["follow_up"], entry.timestamp)
    return told
