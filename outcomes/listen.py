"""What the register does when staff change a takeaway (minutes/listeners.py calls this inside the
service's transaction): keep the status change for its history and feed, and queue one mail to each
confirmed follower. The mails are built when sent (outcomes/mail.py), so one queued for a follower who
unsubscribes before it goes is skipped."""

from __future__ import annotations

from minutes.listeners import TakeawayChange
from outbox.services.queue import mail_queue_built

from .models import StatusChange
from .selectors import confirmed_followers, public_takeaway


def takeaway_changed(change: TakeawayChange) -> None:
    cause = f"follow-up-{change.follow_up_id}" if change.follow_up_id else None
    if change.old_status != change.new_status:
        row = StatusChange.objects.create(
            takeaway_id=change.takeaway_id,
            old_status=change.old_status,
            new_status=change.new_status,
            follow_up_id=change.follow_up_id,
        )
        cause = cause or f"status-{row.pk}"
    if cause is None or public_takeaway(takeaway_id=change.takeaway_id) is None:
        return  # minutes not published (yet): nobody can follow it
    for follower in confirmed_followers(takeaway_id=change.takeaway_id):
        mail_queue_built(
            purpose="outcomes-change",
            key=f"outcomes-change:{follower.pk}:{cause}",
            to=[follower.email],
            context={
                "follower": follower.pk,
                "nonce": follower.nonce,
                "old": change.old_status,
                "new": change.new_status,
                "follow_up": change.follow_up_id,
            },
        )
