"""Telling connected notes consumers that something they check has changed, once it is committed."""

from __future__ import annotations

from django.db import transaction

from notes.broadcast import notes_group_send_sync


def notify_groups(group_ids, message_type: str) -> None:
    ids = sorted(set(group_ids))

    def send():
        for group_id in ids:
            notes_group_send_sync(group_id, {"type": message_type})

    # After commit: a consumer that re-checks at once must already see the change.
    transaction.on_commit(send)
