"""/ws/panel/<consultation id>: pushes the state of the questions to the phones and the wall.

The socket only pushes: questions and supports go over plain HTTP (views.py). A client may send a
ping ({"type": "ping"}) and nothing else; any other frame closes the socket with 4400, and nothing a
client sends reaches the database. Access as the notes' socket: refused in connect(), and checked
again, on a fresh read of the account, before every state sent."""

from __future__ import annotations

import json
import logging

from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from django.contrib.auth import get_user_model

from consultations.models import ConsultationPage

from .broadcast import panel_channel_group
from .permissions import can_view_panel
from .selectors import now_answering, queue_for, room_questions

logger = logging.getLogger(__name__)

CLOSE_REFUSED = 4403
CLOSE_MALFORMED = 4400
MAX_FRAME = 64  # a ping fits many times over; anything longer is not ours


def _access(*, user_id: int, consultation_id: int) -> bool:
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    consultation = ConsultationPage.objects.live().filter(pk=consultation_id).first()
    return bool(user and consultation and can_view_panel(user=user, consultation=consultation))


def panel_state(*, consultation_id: int) -> dict:
    """What every socket of the consultation is sent: the same for all, with no names."""
    consultation = ConsultationPage.objects.get(pk=consultation_id)
    queue = queue_for(consultation=consultation)
    answering = now_answering(consultation=consultation)
    questions = room_questions(consultation=consultation)
    return {
        "type": "state",
        "open": bool(queue and queue.is_open),
        "answering": {"id": answering.pk, "text": answering.text} if answering else None,
        "questions": [{"id": q.pk, "status": q.status, "supports": q.support_count} for q in questions],
    }


class PanelConsumer(AsyncWebsocketConsumer):
    group = None

    async def connect(self):
        self.consultation_id = int(self.scope["url_route"]["kwargs"]["consultation_id"])
        user = self.scope.get("user")
        if not (user and user.is_authenticated):
            return await self.close(code=CLOSE_REFUSED)
        self.user_id = user.pk
        if not await database_sync_to_async(_access)(
            user_id=self.user_id, consultation_id=self.consultation_id
        ):
            return await self.close(code=CLOSE_REFUSED)
        self.group = panel_channel_group(self.consultation_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_state()

    async def disconnect(self, code):
        if self.group is not None:
            await self.channel_layer.group_discard(self.group, self.channel_name)
            self.group = None

    async def receive(self, text_data=None, bytes_data=None):
        if text_data is not None and len(text_data) <= MAX_FRAME:
            try:
                message = json.loads(text_data)
            except ValueError:
                message = None
            if isinstance(message, dict) and message == {"type": "ping"}:
                return await self.send(text_data=json.dumps({"type": "pong"}))
        await self.close(code=CLOSE_MALFORMED)

    async def panel_changed(self, message):
        await self.send_state()

    async def send_state(self):
        """Re-checks the person's access first: one who lost it (removed, deactivated) is closed."""
        try:
            if not await database_sync_to_async(_access)(
                user_id=self.user_id, consultation_id=self.consultation_id
            ):
                await self.close(code=CLOSE_REFUSED)
                return
            state = await database_sync_to_async(panel_state)(consultation_id=self.consultation_id)
        except Exception:  # this socket ends; the others and the process go on
            logger.exception("the panel socket of consultation %s failed", self.consultation_id)
            await self.close(code=1011)
            raise StopConsumer() from None
        await self.send(text_data=json.dumps(state, ensure_ascii=False))
