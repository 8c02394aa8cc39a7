"""Mail backends that fail like a real mail server: for some recipients, or for all."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class RefusingBackend(EmailBackend):
    """Refuses any message with a recipient containing "refuse" (as a server rejecting an address)."""

    def send_messages(self, messages):
        for message in messages:
            refused = [address for address in message.to if "refuse" in address]
            if refused:
                raise smtplib.SMTPRecipientsRefused(dict.fromkeys(refused, (550, b"No such user")))
        return super().send_messages(messages)


class DownBackend(EmailBackend):
    """The mail server cannot be reached."""

    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")
