"""One subscription to the channel layer per group per process, and the fan-out to its sockets here.

A socket used to join the group's channel-layer group itself, so each update crossed Redis once per
socket (ten times for a group of ten) and woke each consumer through Channels' dispatch. Now a
process holds one channel per group: an update written here reaches the other sockets here in one
pass and crosses the layer once, for the other processes; what the layer brings is passed to the
sockets here in one pass too. The layer's messages keep their shapes (`notes.update`,
`notes.awareness`, `membership.changed`...), so services and other processes send as before.
"""

from __future__ import annotations

import asyncio
import logging

from channels.layers import get_channel_layer

from .broadcast import notes_channel_group

logger = logging.getLogger(__name__)

HUB = "hub"  # the sending process's hub channel: that process has passed the message on already
_GONE = object()


class GroupHub:
    def __init__(self, group_id: int):
        self.group_id = group_id
        self.sockets: dict[object, list[dict] | None] = {}  # a socket -> what waits for it to be ready
        self.channel: str | None = None
        self.task: asyncio.Task | None = None
        self.closed = False

    async def open(self) -> None:
        """Joins the group's channel-layer group; call before loading, so nothing committed after the
        load can slip past this process."""
        layer = get_channel_layer()
        self.channel = await layer.new_channel(prefix="notes-hub.")
        await layer.group_add(notes_channel_group(self.group_id), self.channel)
        self.task = asyncio.create_task(self.listen(layer, self.channel))

    async def close(self) -> None:
        self.closed = True
        if self.channel is not None:
            try:
                await get_channel_layer().group_discard(notes_channel_group(self.group_id), self.channel)
            except Exception:  # the layer away (Redis restarting): the group expires by itself
                logger.warning("the notes hub of group %s could not leave its group", self.group_id)
        # The last socket may close while the hub passes a message on: then the loop ends by itself.
        if self.task is not None and self.task is not asyncio.current_task():
            self.task.cancel()

    async def listen(self, layer, channel: str) -> None:
        while not self.closed:
            try:
                message = await layer.receive(channel)
            except asyncio.CancelledError:
                raise
            except Exception:  # the layer away for a moment: the watch fills what was missed
                logger.warning("the notes hub of group %s lost the layer", self.group_id, exc_info=True)
                await asyncio.sleep(1)
                continue
            if message.get(HUB) != channel:
                await self.deliver(message)

    def join(self, socket) -> None:
        """From now on the socket gets every message; they wait until it is ready (`ready`)."""
        self.sockets[socket] = []

    async def ready(self, socket) -> None:
        waiting = self.sockets.get(socket)
        while waiting:
            await socket.hub_receive(waiting.pop(0))
        if socket in self.sockets:
            self.sockets[socket] = None

    def leave(self, socket) -> None:
        self.sockets.pop(socket, None)

    async def publish(self, message: dict) -> None:
        """To every socket of the group: here at once, in other processes through the layer."""
        await self.deliver(message)
        others = {**message, HUB: self.channel}
        await get_channel_layer().group_send(notes_channel_group(self.group_id), others)

    async def deliver(self, message: dict) -> None:
        for socket in list(self.sockets):
            # Read now, not from the list: a socket may have left or become ready meanwhile.
            waiting = self.sockets.get(socket, _GONE)
            if waiting is _GONE:
                continue
            if waiting is not None:
                waiting.append(message)
            else:
                await socket.hub_receive(message)
