"""Keeping followers' addresses no longer than needed (docs/privacy.md): gone on unsubscribe
(services/follow.py), with the person, and unconfirmed requests after a few days."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ..models import Follower
from ..tokens import CONFIRM_DAYS


@transaction.atomic
def followers_erase(*, email: str) -> int:
    """Deletes every follow of `email` (the erasure of a person); returns how many."""
    if not email:
        return 0
    return Follower.objects.filter(email__iexact=email.strip()).delete()[0]


def followers_prune() -> int:
    """Deletes requests never confirmed within the confirmation link's lifetime; returns how many."""
    before = timezone.now() - timedelta(days=CONFIRM_DAYS)
    return Follower.objects.filter(confirmed_at__isnull=True, created_at__lt=before).delete()[0]
