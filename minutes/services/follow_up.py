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
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from ..listeners import TakeawayChange, takeaway_change_announce
from ..log_actions import FOLLOW_UP_ADD, FOLLOW_UP_DELETE, FOLLOW_UP_EDIT, TAKEAWAY_STATUS, TAKEAWAY_UNIT
from ..models import FollowUp, MinutesPage, Takeaway
from ..models.follow_up import FollowUpKind
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


def _announce(*, minutes, takeaway: Takeaway, old: str, follow_up=None, user) -> None:
    takeaway_change_announce(
        TakeawayChange(
            takeaway_id=takeaway.pk,
            minutes_id=minutes.pk,
            old_status=old,
            new_status=takeaway.status,
            follow_up_id=follow_up.pk if follow_up else None,
            user_id=getattr(user, "pk", None),
        )
    )


def _status_write(*, minutes, takeaway: Takeaway, status: str, user, announce: bool = True) -> bool:
    """Sets one takeaway's status and logs it; False when it already had it. `announce`: tell the
    listeners (minutes/listeners.py) now; a follow-up tells them itself, once per takeaway."""
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
    if announce:
        _announce(minutes=minutes, takeaway=takeaway, old=old, user=user)
    return True


def _unit_write(*, minutes, takeaway: Takeaway, unit: str, user) -> bool:
    """Sets who answers for the takeaway (blank: the consultation's unit) and logs it."""
    unit = " ".join((unit or "").split())[: Takeaway._meta.get_field("responsible_unit").max_length]
    if takeaway.responsible_unit == unit:
        return False
    Takeaway.objects.filter(pk=takeaway.pk).update(responsible_unit=unit)
    takeaway.responsible_unit = unit
    log(
        instance=minutes,
        action=TAKEAWAY_UNIT,
        user=user,
        data={"takeaway": takeaway.pk, "text": _excerpt(takeaway.text), "unit": unit},
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
def takeaway_statuses_set(
    *, minutes, statuses: dict[int, str], units: dict[int, str] | None = None, user
) -> int:
    """Sets the statuses (takeaway id -> status) and responsible units (id -> unit) of some of the
    minutes' takeaways; returns how many takeaways changed. Nothing else about the minutes changes:
    no revision, no approval."""
    minutes = _minutes_locked(minutes=minutes, user=user)
    units = units or {}
    rows = _own_takeaways(minutes, [Takeaway(pk=pk) for pk in {*statuses, *units}])
    changed = 0
    for row in rows:
        unit = row.pk in units and _unit_write(minutes=minutes, takeaway=row, unit=units[row.pk], user=user)
        status = row.pk in statuses and _status_write(
            minutes=minutes, takeaway=row, status=statuses[row.pk], user=user
        )
        changed += bool(unit or status)
    return changed


def _check_link(link: str) -> None:
    # Shown to the public as a link: never a javascript: or data: address.
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        raise ValidationError(_("Give the link as a web address (https://…)."), code="link") from None


def _check_follow_up(date, text: str, kind: str, link: str = "") -> None:
    if date is None:
        raise ValidationError(_("Give the date of the follow-up."), code="date")
    if not strip_tags(text or "").strip():
        raise ValidationError(_("Write what was done."), code="text")
    if kind not in FollowUpKind.values:
        raise ValidationError(_("Choose follow-up, decision or report."), code="kind")
    if link:
        _check_link(link)


def _answered(*, minutes, takeaways, status: str, follow_up, user) -> None:
    """The takeaways a follow-up answers take the status it gives them; the listeners hear of each
    once, with the follow-up."""
    if status not in (TakeawayStatus.ANSWERED, TakeawayStatus.IN_PROGRESS):
        raise ValidationError(_("A follow-up marks takeaways answered or in progress."), code="status")
    for takeaway in takeaways:
        old = takeaway.status
        _status_write(minutes=minutes, takeaway=takeaway, status=status, user=user, announce=False)
        _announce(minutes=minutes, takeaway=takeaway, old=old, follow_up=follow_up, user=user)


@transaction.atomic
def follow_up_add(
    *,
    minutes,
    date: dt.date,
    text: str,
    answers=(),
    answers_status: str = TakeawayStatus.ANSWERED,
    kind: str = FollowUpKind.FOLLOW_UP,
    link: str = "",
    user,
) -> FollowUp:
    """Adds a follow-up (rich text, as the admin's editor stores it) answering `answers`, which take
    `answers_status`; emails the attendees of published minutes once it commits."""
    minutes = _minutes_locked(minutes=minutes, user=user)
    _check_follow_up(date, text, kind, link)
    takeaways = _own_takeaways(minutes, answers)
    last = FollowUp.objects.filter(page=minutes).aggregate(last=Max("sort_order"))["last"]
    follow_up = FollowUp.objects.create(
        page=minutes,
        date=date,
        text=text,
        kind=kind,
        link=link or "",
        sort_order=(last if last is not None else -1) + 1,
    )
    follow_up.answers.set(takeaways)
    _answered(minutes=minutes, takeaways=takeaways, status=answers_status, follow_up=follow_up, user=user)
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
    kind: str = FollowUpKind.FOLLOW_UP,
    link: str = "",
    user,
) -> FollowUp:
    """Changes a follow-up's date, text, kind, link or takeaways; takeaways newly answered take
    `answers_status`. Nobody is emailed again: they were told when it was added."""
    minutes = _minutes_locked(minutes=follow_up.page, user=user)
    follow_up = FollowUp.objects.select_for_update().get(pk=follow_up.pk, page=minutes)
    _check_follow_up(date, text, kind, link)
    takeaways = _own_takeaways(minutes, answers)
    before = set(follow_up.answers.values_list("pk", flat=True))
    follow_up.date, follow_up.text, follow_up.kind, follow_up.link = date, text, kind, link or ""
    follow_up.save(update_fields=["date", "text", "kind", "link"])
    follow_up.answers.set(takeaways)
    newly = [takeaway for takeaway in takeaways if takeaway.pk not in before]
    _answered(minutes=minutes, takeaways=newly, status=answers_status, follow_up=follow_up, user=user)
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
