"""When a consultation's status next changes by the clock alone. Registered with the public page
cache (public_cache/clock.py) in ConsultationsConfig.ready(), so a stored page never shows a status
past its time."""

import datetime as dt

from django.db.models import Min, Q
from django.utils import timezone

from .models import ConsultationPage


def next_status_change(now=None) -> dt.datetime | None:
    """The next moment before midnight at which a live consultation's status changes without a write:
    its registration opens, its RSVP deadline passes, or it ends. One query."""
    now = timezone.localtime(now or timezone.now())
    midnight = timezone.make_aware(dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time.min))
    found = ConsultationPage.objects.live().aggregate(
        opens=Min("registration_opens", filter=Q(registration_opens__range=(now, midnight))),
        closes=Min("rsvp_deadline", filter=Q(rsvp_deadline__range=(now, midnight))),
        ends=Min("end_time", filter=Q(date=now.date(), end_time__gt=now.time())),
    )
    moments = [found["opens"], found["closes"]]
    if found["ends"] is not None:
        moments.append(timezone.make_aware(dt.datetime.combine(now.date(), found["ends"])))
    return min((moment for moment in moments if moment is not None), default=None)
