"""The wall's live counts: /ws/priorities/<consultation id>, for the staff who run the round (the same
rule as the wall itself). The socket only pushes: on every change of the consultation's round it
re-checks the person's right and sends the counts as JSON. Nothing a client sends is read; a frame
from it closes the socket."""

from __future__ import annotations

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from accounts.models import User
from consultations.models import ConsultationPage

from .permissions import can_run_rounds
from .selectors import results_message, round_latest
from .services.broadcast import wall_channel_group

CLOSE_REFUSED = 4403
CLOSE_NO_MESSAGES = 4400


def _may_watch(*, user, consultation_id: int) -> bool:
    """Read afresh each time: the scope's user keeps its permissions cached for the socket's life."""
    user = User.objects.filter(pk=user.pk).first()
    consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
    return (
        user is not None and consultation is not None and can_run_rounds(user=user, consultation=consultation)
    )


def _counts(*, user, consultation_id: int) -> dict | None:
    """None when the person may no longer watch; {} when there is no round."""
    if not _may_watch(user=user, consultation_id=consultation_id):
        return None
    latest = round_latest(consultation_id=consultation_id)
    return results_message(round=latest) if latest else {}


class PrioritiesConsumer(AsyncWebsocketConsumer):
    group_name: str | None = None

    async def connect(self):
        self.consultation_id = int(self.scope["url_route"]["kwargs"]["consultation_id"])
        self.user = self.scope.get("user")
        if not (self.user and self.user.is_authenticated):
            return await self.close()
        if not await database_sync_to_async(_may_watch)(user=self.user, consultation_id=self.consultation_id):
            return await self.close()
        self.group_name = wall_channel_group(self.consultation_id)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()
        await self.send_counts()

    async def disconnect(self, code):
        if self.group_name:
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.close(code=CLOSE_NO_MESSAGES)

    async def round_changed(self, message):
        await self.send_counts()

    async def send_counts(self):
        counts = await database_sync_to_async(_counts)(user=self.user, consultation_id=self.consultation_id)
        if counts is None:  # the right was taken away while the socket was open
            return await self.close(code=CLOSE_REFUSED)
        if counts:
            await self.send(text_data=json.dumps(counts))
