"""One subscription to the channel layer per group per process, and the fan-out to its sockets here.

A socket used to join the group's channel-layer group itself, so each update crossed Redis once per
socket (ten times for a group of ten) and woke each consumer through Channels' dispatch. Now a
process holds one channel per group: an update written here reaches the other sockets here in one
pass and crosses the layer once, for the other processes; what the layer brings is passed to the
sockets here in one pass too. The layer's messages keep their shapes (`notes.update`,
`notes.awareness`, `membership.changed`...), so services and other processes send as before.

Presence is passed on a moment late, several clients' in one frame (`AWARENESS_SECONDS`): every
y-websocket client renews its presence every 15 s, and when a room's clients renew together each
socket got one frame per peer; a room of ten now gets one frame each for all ten. A renewal (the same
state, a higher clock) may wait longer (`RENEWAL_SECONDS`): peers drop a state only after 30 s without
one, and the renewals of a room then go out as one frame per socket, or with the next change.

What goes out to the other processes is sent by a task of the hub's own, in order: channels-redis
sends one message at a time per process, and a socket that waited for that queue could read its
client's next frame only when its last one had crossed Redis (hundreds of milliseconds under load).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque

from channels.layers import get_channel_layer

from .broadcast import notes_channel_group
from .presence import PresenceOwners
from .protocol import awareness_merge

logger = logging.getLogger(__name__)

HUB = "hub"  # the sending process's hub channel: that process has passed the message on already
AWARENESS_SECONDS = 0.03  # presence may wait this long for others to share its frame; nobody sees it
RENEWAL_SECONDS = 3.0  # renewed every 15-18 s, dropped after 30 s: waiting 3 s costs nobody anything
_GONE = object()


class GroupHub:
    def __init__(self, group_id: int, presence: PresenceOwners | None = None):
        self.group_id = group_id
        # Which person speaks for which client id in this group, shared by its sockets here: told once
        # per batch of the other processes' presence (our own sockets claim theirs as they send).
        self.presence_owners = presence if presence is not None else PresenceOwners()
        self.sockets: dict[object, list[dict] | None] = {}  # a socket -> what waits for it to be ready
        self.channel: str | None = None
        self.task: asyncio.Task | None = None
        self.outgoing: deque[dict] = deque()  # to the other processes, in order
        self.sender: asyncio.Task | None = None
        self.presence: list[tuple[dict, bool]] = []  # awareness waiting to go out together; ours?
        self.presence_task: asyncio.Task | None = None
        self.presence_due: float | None = None  # when what is held must go out (loop time)
        self.presence_sooner = asyncio.Event()
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
        """To every socket of the group: here at once, in other processes through the layer (soon:
        `send_outgoing`). Presence a moment later, together (`hold_presence`)."""
        if message["type"] == "notes.awareness":
            return self.hold_presence(message, ours=True)
        await self.deliver_now(message)
        self.send_to_others(message)

    def send_to_others(self, message: dict) -> None:
        # Not the frame the sockets here built from it (notes/consumer.py): each process builds its own.
        self.outgoing.append({**{k: v for k, v in message.items() if k != "frame"}, HUB: self.channel})
        if self.sender is None or self.sender.done():
            self.sender = asyncio.create_task(self.send_outgoing())

    async def send_outgoing(self) -> None:
        """Until nothing waits, also after the hub closed: a closing socket's last presence goes out."""
        layer, group = get_channel_layer(), notes_channel_group(self.group_id)
        failed = False
        while self.outgoing:
            message = self.outgoing.popleft()
            try:
                await layer.group_send(group, message)
            except Exception:  # the layer away: the other processes' watch reads the log (notes/watch.py)
                if not failed:  # once per outage, not once per keystroke
                    logger.warning("the notes hub of group %s could not reach the layer", self.group_id)
                failed = True
            else:
                failed = False

    async def deliver(self, message: dict) -> None:
        """A message from another process."""
        if message["type"] == "notes.awareness":
            return self.hold_presence(message, ours=False)
        if message["type"] == "notes.awareness.batch":
            self.presence_owners.note(message["messages"])  # once here, not once per socket
        await self.deliver_now(message)

    def hold_presence(self, message: dict, *, ours: bool) -> None:
        self.presence.append((message, ours))
        due = asyncio.get_running_loop().time() + (
            RENEWAL_SECONDS if message.get("renewal") else AWARENESS_SECONDS
        )
        if self.presence_due is None or due < self.presence_due:
            self.presence_due = due
            self.presence_sooner.set()
        if self.presence_task is None or self.presence_task.done():
            self.presence_task = asyncio.create_task(self.deliver_presence())

    async def deliver_presence(self) -> None:
        loop = asyncio.get_running_loop()
        while self.presence:
            wait = self.presence_due - loop.time()
            if wait > 0:
                self.presence_sooner.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.presence_sooner.wait(), wait)
                continue  # due now, or a change made it due sooner
            held, self.presence, self.presence_due = self.presence, [], None
            self.presence_owners.note(message for message, ours in held if not ours)
            await self.deliver_now(awareness_batch([message for message, _ in held]))
            ours = [message for message, ours in held if ours]
            if ours:  # the other processes' sockets are no origin: one frame for all of them
                self.send_to_others(awareness_batch(ours, everyone_only=True))

    async def deliver_now(self, message: dict) -> None:
        for socket in list(self.sockets):
            # Read now, not from the list: a socket may have left or become ready meanwhile.
            waiting = self.sockets.get(socket, _GONE)
            if waiting is _GONE:
                continue
            if waiting is not None:
                waiting.append(message)
            else:
                await socket.hub_receive(message)


def awareness_batch(messages: list[dict], *, everyone_only: bool = False) -> dict:
    """Awareness messages as one: each socket gets one frame of everyone's presence but its own."""
    origins = set() if everyone_only else {message.get("origin") for message in messages}
    without = {origin: [m["data"] for m in messages if m.get("origin") != origin] for origin in origins}
    return {
        "type": "notes.awareness.batch",
        "messages": [{key: value for key, value in message.items() if key != "data"} for message in messages],
        "everyone": awareness_merge([message["data"] for message in messages]),
        "without": {
            origin: awareness_merge(frames) if frames else None for origin, frames in without.items()
        },
    }
