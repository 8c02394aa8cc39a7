"""Links nobody used are erased some days after their evaluation closed (retention.py)."""

import datetime as dt

from django.utils import timezone

from ..models import EvaluationLink
from ..retention import LINK_KEEP_DAYS


def evaluation_links_erase(*, now=None) -> int:
    before = (now or timezone.now()) - dt.timedelta(days=LINK_KEEP_DAYS)
    deleted, _by_model = EvaluationLink.objects.filter(evaluation__closes_at__lt=before).delete()
    return deleted
