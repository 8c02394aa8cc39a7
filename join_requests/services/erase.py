"""Keeping a request no longer than needed (docs/privacy.md): one never confirmed, or declined, is
erased SAKRAD_JOIN_REQUESTS_KEEP_DAYS after it was sent or declined (`manage.py erase_join_requests`,
daily); every request of a person's address goes with that person."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from ..models import JoinRequest, JoinRequestStatus


@transaction.atomic
def join_requests_prune(*, now=None) -> int:
    """Deletes requests not accepted whose time is up; returns how many. Pending ones wait for staff."""
    before = (now or timezone.now()) - timedelta(days=settings.SAKRAD_JOIN_REQUESTS_KEEP_DAYS)
    expired = Q(status=JoinRequestStatus.UNCONFIRMED, created_at__lt=before) | Q(
        status=JoinRequestStatus.DECLINED, decided_at__lt=before
    )
    return JoinRequest.objects.filter(expired).delete()[1].get(JoinRequest._meta.label, 0)


@transaction.atomic
def join_requests_erase(*, email: str) -> int:
    """Deletes every request with `email` as its contact (the erasure of a person); returns how many.
    An organisation already created from one stays: it is the organisation's, not the person's."""
    if not email:
        return 0
    rows = JoinRequest.objects.filter(contact_email__iexact=email.strip())
    return rows.delete()[1].get(JoinRequest._meta.label, 0)
