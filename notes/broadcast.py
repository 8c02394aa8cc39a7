"""The one helper that sends to a group's connected consumers (every worker, via the channel layer)."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer


def notes_channel_group(group_id: int) -> str:
    return f"notes-{group_id}"


async def notes_group_send(group_id: int, message: dict) -> None:
    await get_channel_layer().group_send(notes_channel_group(group_id), message)


def notes_group_send_sync(group_id: int, message: dict) -> None:
    """From services (synchronous code); call it on commit, so consumers re-read committed data."""
    async_to_sync(notes_group_send)(group_id, message)


def notes_user_channel_group(user_id: int) -> str:
    return f"notes-user-{user_id}"


def notes_user_send_sync(user_id: int, message: dict) -> None:
    """To every notes socket of one person, in any group."""
    async_to_sync(get_channel_layer().group_send)(notes_user_channel_group(user_id), message)
