"""What happened next: a takeaway's status and the follow-ups, written straight to their rows.

Neither is part of the minutes' revisions. The minutes are the approved record of the meeting; a status
or a follow-up is the ministry's later word on it. Editing the page would make a new revision, which for
published minutes goes through the whole approval again (minutes/services/workflow.py), and a revision
published later would write back the status and follow-ups it held. So each write here checks its own
permission (`can_follow_up`), is logged in the page history, and changes the one row every reader
reads: the minutes page and its PDF, the API, the feed, the next consultation's carry-over.

A follow-up that answers takeaways sets their status (answered, unless staff say in progress), so a
takeaway with a follow-up never still reads "open". A new follow-up on published minutes is emailed to
the attendees once it commits (minutes/services/notify.py).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from ..log_actions import FOLLOW_UP_ADD, FOLLOW_UP_DELETE, FOLLOW_UP_EDIT, TAKEAWAY_STATUS
from ..models import FollowUp, MinutesPage, Takeaway
from ..models.takeaway import TakeawayStatus
from ..permissions import can_follow_up
from .notify import follow_up_notify

EXCERPT_WORDS = 12


def _excerpt(text: str) -> str:
    return Truncator(" ".join(strip_tags(text or "").split())).words(EXCERPT_WORDS)


def _minutes_locked(*, minutes, user) -> MinutesPage:
    """The minutes, locked against a concurrent publish or follow-up, and checked: `user` may follow up."""
    Page.objects.select_for_update().filter(pk=minutes.pk).first()
    minutes = MinutesPage.objects.get(pk=minutes.pk)
    if not can_follow_up(user=user, minutes=minutes):
        raise PermissionDenied
    return minutes


def _status_write(*, minutes, takeaway: Takeaway, status: str, user) -> bool:
    """Sets one takeaway's status and logs it; False when it already had it."""
    if status not in TakeawayStatus.values:
        raise ValidationError(_("Choose open, in progress or has been answered."), code="status")
    if takeaway.status == status:
        return False
    old = takeaway.status
    Takeaway.objects.filter(pk=takeaway.pk).update(status=status)
    takeaway.status = status
    log(
        instance=minutes,
        action=TAKEAWAY_STATUS,
        user=user,
        data={"takeaway": takeaway.pk, "text": _excerpt(takeaway.text), "old": old, "new": status},
    )
    return True


def _own_takeaways(minutes, takeaways) -> list[Takeaway]:
    """The given takeaways, read afresh; refused if any is not one of these minutes'."""
    ids = {takeaway.pk for takeaway in takeaways}
    rows = list(Takeaway.objects.select_for_update().filter(page_id=minutes.pk, pk__in=ids))
    if len(rows) != len(ids):
        raise ValidationError(_("Choose takeaways of these minutes."), code="takeaways")
    return sorted(rows, key=lambda row: (row.sort_order or 0, row.pk))


@transaction.atomic
def takeaway_statuses_set(*, minutes, statuses: dict[int, str], user) -> int:
    """Sets the statuses of some of the minutes' takeaways (takeaway id -> status); returns how many
    changed. Nothing else about the minutes changes: no revision, no approval."""
    minutes = _minutes_locked(minutes=minutes, user=user)
    rows = _own_takeaways(minutes, [Takeaway(pk=pk) for pk in statuses])
    return sum(
        _status_write(minutes=minutes, takeaway=row, status=statuses[row.pk], user=user) for row in rows
    )


def _check_follow_up(date, text: str) -> None:
    if date is None:
        raise ValidationError(_("Give the date of the follow-up."), code="date")
    if not strip_tags(text or "").strip():
        raise ValidationError(_("Write what was done."), code="text")


def _answered(*, minutes, takeaways, status: str, user) -> None:
    """The takeaways a follow-up answers take the status it gives them."""
    if status not in (TakeawayStatus.ANSWERED, TakeawayStatus.IN_PROGRESS):
        raise ValidationError(_("A follow-up marks takeaways answered or in progress."), code="status")
    for takeaway in takeaways:
        _status_write(minutes=minutes, takeaway=takeaway, status=status, user=user)


@transaction.atomic
def follow_up_add(
    *,
    minutes,
    date: dt.date,
    text: str,
    answers=(),
    answers_status: str = TakeawayStatus.ANSWERED,
    user,
) -> FollowUp:
    """Adds a follow-up (rich text, as the admin's editor stores it) answering `answers`, which take
    `answers_status`; emails the attendees of published minutes once it commits."""
    minutes = _minutes_locked(minutes=minutes, user=user)
    _check_follow_up(date, text)
    takeaways = _own_takeaways(minutes, answers)
    last = FollowUp.objects.filter(page=minutes).aggregate(last=Max("sort_order"))["last"]
    follow_up = FollowUp.objects.create(
        page=minutes, date=date, text=text, sort_order=(last if last is not None else -1) + 1
    )
    follow_up.answers.set(takeaways)
    _answered(minutes=minutes, takeaways=takeaways, status=answers_status, user=user)
    log(
        instance=minutes,
        action=FOLLOW_UP_ADD,
        user=user,
        data={"follow_up": follow_up.pk, "date": date.isoformat(), "takeaways": [t.pk for t in takeaways]},
    )
    # Published minutes: told now. A draft's follow-ups are announced with its first publication.
    follow_up_notify(page=minutes)
    return follow_up


@transaction.atomic
def follow_up_edit(
    *,
    follow_up,
    date: dt.date,
    text: str,
    answers=(),
    answers_status: str = TakeawayStatus.ANSWERED,
    user,
) -> FollowUp:
    """Changes a follow-up's date, text or takeaways; takeaways newly answered take `answers_status`.
    Nobody is emailed again: they were told when it was added."""
    minutes = _minutes_locked(minutes=follow_up.page, user=user)
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk, page=minutes)
    _check_follow_up(date, text)
    takeaways = _own_takeaways(minutes, answers)
    before = set(follow_up.answers.values_list("pk", flat=True))
    follow_up.date, follow_up.text = date, text
    follow_up.save(update_fields=["date", "text"])
    follow_up.answers.set(takeaways)
    newly = [takeaway for takeaway in takeaways if takeaway.pk not in before]
    _answered(minutes=minutes, takeaways=newly, status=answers_status, user=user)
    log(
        instance=minutes,
        action=FOLLOW_UP_EDIT,
        user=user,
        data={"follow_up": follow_up.pk, "date": date.isoformat(), "takeaways": [t.pk for t in takeaways]},
    )
    return follow_up


@transaction.atomic
def follow_up_delete(*, follow_up, user) -> None:
    """Removes a follow-up from the minutes (and so from the page, the feed and the API). The takeaways
    it answered keep their status: staff set it again if the answer no longer stands."""
    minutes = _minutes_locked(minutes=follow_up.page, user=user)
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk, page=minutes)
    data = {"follow_up": follow_up.pk, "date": follow_up.date.isoformat(), "text": _excerpt(follow_up.text)}
    follow_up.delete()
    log(instance=minutes, action=FOLLOW_UP_DELETE, user=user, data=data)
