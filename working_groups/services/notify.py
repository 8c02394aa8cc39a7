"""Telling a new member where the draft is, once the transaction that added them has committed."""

from __future__ import annotations

import logging

from django.db import transaction

from ..mail import member_added_message

logger = logging.getLogger(__name__)


def _send(message, *, member_id: int) -> None:
    try:
        message.send()
    except Exception:
        # Membership stands without the email: the draft is also listed on the member's own page.
        logger.exception("working group email to member %s failed", member_id)


def member_added_notify(*, member) -> None:
    message = member_added_message(member=member)
    transaction.on_commit(lambda: _send(message, member_id=member.pk))
