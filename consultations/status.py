"""A consultation's status is derived from its dates and its minutes, never typed in.

The same rules exist twice on purpose, side by side: `status_for` for one page in Python,
`status_expression` for filtering and listing many in the database.
"""

import datetime as dt

from django.db import models
from django.db.models import Case, Exists, Min, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsultationStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    REGISTRATION_OPEN = "registration_open", _("Open for registration")
    REGISTRATION_CLOSED = "registration_closed", _("Registration closed")
    HELD = "held", _("Held")
    MINUTES_PUBLISHED = "minutes_published", _("Minutes published")


def status_for(
    *, date, end_time, registration_opens, rsvp_deadline, has_published_minutes, now=None
) -> ConsultationStatus:
    now = timezone.localtime(now or timezone.now())
    if has_published_minutes:
        return ConsultationStatus.MINUTES_PUBLISHED
    if (date, end_time or dt.time.max) <= (now.date(), now.time()):
        return ConsultationStatus.HELD
    if rsvp_deadline and rsvp_deadline <= now:
        return ConsultationStatus.REGISTRATION_CLOSED
    if registration_opens and registration_opens <= now:
        return ConsultationStatus.REGISTRATION_OPEN
    return ConsultationStatus.PLANNED


def published_minutes_exists():
    from minutes.models import MinutesPage

    return Exists(
        MinutesPage.objects.live()
        .public()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
    )


def status_expression(now=None):
    now = timezone.localtime(now or timezone.now())
    held = Q(date__lt=now.date()) | Q(date=now.date(), end_time__lte=now.time())
    return Case(
        When(Q(has_published_minutes=True), then=Value(ConsultationStatus.MINUTES_PUBLISHED)),
        When(held, then=Value(ConsultationStatus.HELD)),
        When(rsvp_deadline__lte=now, then=Value(ConsultationStatus.REGISTRATION_CLOSED)),
        When(registration_opens__lte=now, then=Value(ConsultationStatus.REGISTRATION_OPEN)),
        default=Value(ConsultationStatus.PLANNED),
        output_field=models.CharField(),
    )


def next_status_change(now=None) -> dt.datetime | None:
    """The next moment before midnight at which a live consultation's status changes without a write:
    its registration opens, its RSVP deadline passes, or it ends. Whatever keeps a rendered status
    (the public page cache) must not keep it past that moment."""
    from .models import ConsultationPage

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
