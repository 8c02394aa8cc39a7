"""A consultation's status is derived from its dates and its minutes, never typed in.

The same rules exist twice on purpose, side by side: `status_for` for one page in Python,
`status_expression` for filtering and listing many in the database.
"""

import datetime as dt

from django.db import models
from django.db.models import BooleanField, Case, Exists, OuterRef, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .extensions import published_minutes_pages


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
    """Whether the consultation (outer query) has published minutes among its children."""
    pages = published_minutes_pages()
    if pages is None:
        return Value(False, output_field=BooleanField())
    return Exists(pages.filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1))


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

