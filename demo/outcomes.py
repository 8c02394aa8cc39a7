"""The register of what happened next (/uppfoljning/) on the 2024 minutes: statuses, units, a follow-up,
a decision and a report with their links, the status changes behind them, one takeaway with no response
since the minutes came out (so `manage.py outcomes_remind` has something to say), and a confirmed
follower. Written straight to the rows, as the rest of the demo's past is: seeding mails no one.
Found again by the decision's link, and then left as it is."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Page

from minutes.models import FollowUp, Takeaway
from minutes.models.follow_up import FollowUpKind
from minutes.models.takeaway import TakeawayStatus
from outcomes.models import Follower, StatusChange

DECISION_LINK = "https://www.regeringen.se/regeringsuppdrag/"
REPORT_LINK = "https://www.mucf.se/publikationer"
FOLLOWER = "foljare@example.org"
ORGANISER = "organiser@example.org"  # demo/content/accounts.py

# Index into the minutes' takeaways -> the unit that answers for it (blank: the consultation's).
UNITS = {2: "Enheten för arbetsmarknadspolitik", 3: "Enheten för civila samhället"}

# (index, date, kind, text, link, status it leaves): what came of each, after the 2024 follow-up.
RESPONSES = [
    (
        0,
        dt.date(2025, 2, 20),
        FollowUpKind.FOLLOW_UP,
        "<p>Departementet ser över hur stödet till lokala föreningar kan ges för flera år i taget. "
        "Frågan tas upp i arbetet inför nästa budget.</p>",
        "",
        TakeawayStatus.IN_PROGRESS,
    ),
    (
        2,
        dt.date(2025, 4, 3),
        FollowUpKind.DECISION,
        "<p>Regeringen har gett i uppdrag att fler unga ska erbjudas sommarjobb och praktik i "
        "tonåren, i samarbete med kommuner och lokala företag.</p>",
        DECISION_LINK,
        TakeawayStatus.ANSWERED,
    ),
    (
        3,
        dt.date(2025, 5, 15),
        FollowUpKind.REPORT,
        "<p>Sammanställningen av hinder och lösningar för att öppna skolans lokaler för föreningar "
        "är klar och publicerad.</p>",
        REPORT_LINK,
        TakeawayStatus.ANSWERED,
    ),
]


def _noon(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


def _organiser_owns(*, consultation) -> None:
    """The reminder goes to the consultation's organisers (its owner, who sent its invitations): the
    demo's organiser owns the 2024 consultation, as the one who ran it would."""
    organiser = get_user_model().objects.filter(email=ORGANISER).first()
    if consultation.owner_id is None and organiser is not None:
        Page.objects.filter(pk=consultation.pk).update(owner=organiser)


def outcomes_ensure(*, minutes, tally) -> None:
    """Takeaway 1 ("let young people have their say") stays open with no response: the reminder's."""
    if FollowUp.objects.filter(page=minutes, link=DECISION_LINK).exists():
        tally.record("register", created=False)
        return
    takeaways = list(Takeaway.objects.filter(page=minutes).order_by("sort_order", "pk"))
    for index, unit in UNITS.items():
        Takeaway.objects.filter(pk=takeaways[index].pk).update(responsible_unit=unit)
    last = FollowUp.objects.filter(page=minutes).count()
    for position, (index, date, kind, text, link, status) in enumerate(RESPONSES, start=last):
        takeaway = Takeaway.objects.get(pk=takeaways[index].pk)
        follow_up = FollowUp.objects.create(
            page=minutes,
            date=date,
            kind=kind,
            text=text,
            link=link,
            notified_at=_noon(date),
            sort_order=position,
        )
        follow_up.answers.set([takeaway])
        if takeaway.status != status:
            change = StatusChange.objects.create(
                takeaway=takeaway, old_status=takeaway.status, new_status=status, follow_up=follow_up
            )
            StatusChange.objects.filter(pk=change.pk).update(created_at=_noon(date))
            Takeaway.objects.filter(pk=takeaway.pk).update(status=status)
    _organiser_owns(consultation=minutes.get_parent().specific)
    Follower.objects.get_or_create(
        takeaway=takeaways[1], email=FOLLOWER, defaults={"confirmed_at": timezone.now(), "language": "sv"}
    )
    tally.record("register", created=True, label=f"{len(RESPONSES)} responses, a follower")
