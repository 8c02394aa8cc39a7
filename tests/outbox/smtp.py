"""A real SMTP server for the outbox's tests (aiosmtpd, in a thread of the test process): it keeps
what it accepted, can be stopped and started on the same port, and can hold a transaction open in
the middle (after a recipient) until told to go on, so a test can kill the sender mid-send."""

from __future__ import annotations

import asyncio
import email
import threading
from email.message import Message

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self):
        self.accepted: list[Message] = []
        self.hold_at: int | None = None  # hold the transaction of the n-th mail (1-based)
        self.holding = threading.Event()
        self.release = threading.Event()
        self._started = 0
        self._lock = threading.Lock()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        with self._lock:
            self._started += 1
            hold = self._started == self.hold_at
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        envelope.hold = hold
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        envelope.rcpt_tos.append(address)
        if getattr(envelope, "hold", False):
            self.holding.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # Only a transaction finished with the final "." gets here: a sender gone before is no mail.
        with self._lock:
            self.accepted.append(email.message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        with self._lock:
            return sorted(address for message in self.accepted for address in message["To"].split(", "))


class SmtpServer:
    def __init__(self, port: int):
        self.port = port
        self.recorder = Recorder()
        self._controller: Controller | None = None

    def start(self) -> SmtpServer:
        self._controller = Controller(self.recorder, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self.recorder.release.set()
            self._controller.stop()
            self._controller = None
