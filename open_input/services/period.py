"""Staff open a consultation's questions to open input for a period."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.log_actions import log

from ..log_actions import OPEN_INPUT_PERIOD_SET
from ..models import OpenInputPeriod
from ..permissions import can_moderate_open_input


@transaction.atomic
def open_input_period_set(
    *, consultation, opens_at: dt.datetime, closes_at: dt.datetime, intro: str, user
) -> OpenInputPeriod:
    """Create or change the period; raises ValidationError when it closes before it opens."""
    if not can_moderate_open_input(user=user, consultation=consultation):
        raise PermissionDenied
    period = OpenInputPeriod.objects.select_for_update().filter(consultation=consultation).first()
    period = period or OpenInputPeriod(consultation=consultation)
    period.opens_at, period.closes_at, period.intro = opens_at, closes_at, intro.strip()
    period.full_clean(exclude=["consultation"])
    period.save()
    log(
        instance=consultation,
        action=OPEN_INPUT_PERIOD_SET,
        user=user,
        data={"opens_at": opens_at.isoformat(), "closes_at": closes_at.isoformat()},
    )
    return period
