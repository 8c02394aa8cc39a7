import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from consultations.models import ConsultationPage

from ..log_actions import ATTENDEE_NEEDS_ERASE
from ..models import Attendee
from ..permissions import can_erase_attendee_needs


@transaction.atomic
def attendee_needs_erase(*, days: int, user=None, now: dt.datetime | None = None) -> int:
    """Erases the access and dietary needs of everyone named for a consultation held at least `days`
    days ago. Who attended stays (name, organisation, check-in): only the needs, which can reveal
    health, go. Returns how many attendees were erased."""
    if not can_erase_attendee_needs(user=user):
        raise PermissionDenied(_("You may not erase attendees' needs."))
    if days < 0:
        raise ValueError("days must not be negative")
    now = now or timezone.now()
    last_day = timezone.localdate(now) - dt.timedelta(days=days)
    rows = Attendee.objects.filter(consultation__date__lte=last_day, needs_erased_at__isnull=True)
    per_consultation = dict(
        rows.order_by()
        .values("consultation")
        .annotate(count=Count("pk"))
        .values_list("consultation", "count")
    )
    erased = rows.update(access_needs=[], access_needs_other="", dietary_needs="", needs_erased_at=now)
    for consultation in ConsultationPage.objects.filter(pk__in=per_consultation):
        log(
            instance=consultation,
            action=ATTENDEE_NEEDS_ERASE,
            user=user,
            data={"attendees": per_consultation[consultation.pk], "days": days},
        )
    return erased
