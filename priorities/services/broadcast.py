"""Tells the walls of a consultation that its round changed; each re-reads the counts itself."""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def wall_channel_group(consultation_id: int) -> str:
    return f"priorities-{consultation_id}"


def _send(consultation_id: int) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(wall_channel_group(consultation_id), {"type": "round.changed"})
    except Exception:  # the layer away: the vote is stored, the wall catches up at its next message
        logger.warning("could not tell the plenary walls of consultation %s", consultation_id, exc_info=True)


def round_changed(*, consultation_id: int) -> None:
    """Once the change commits, so the walls read committed counts."""
    transaction.on_commit(lambda: _send(consultation_id))
