"""The one helper that tells a consultation's panel sockets (every worker, via the channel layer)
that something changed; each socket then reads the state afresh for its own person."""

from __future__ import annotations

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

PANEL_CHANGED = "panel.changed"


def panel_channel_group(consultation_id: int) -> str:
    return f"panel-{consultation_id}"


def panel_changed(*, consultation_id: int) -> None:
    """After the commit, so every socket reads what was committed; a layer that is away costs only
    the live update (the pages show the truth on the next load)."""

    def send():
        try:
            async_to_sync(get_channel_layer().group_send)(
                panel_channel_group(consultation_id), {"type": PANEL_CHANGED}
            )
        except Exception:  # noqa: BLE001 — Redis away: the sockets are behind until the next change
            logging.getLogger(__name__).warning("panel update not sent", exc_info=True)

    transaction.on_commit(send)
