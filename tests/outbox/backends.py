"""Mail backends that answer like a mail server having a bad day."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend


class TemporaryBackend(EmailBackend):
    """421: the server is busy, try later."""

    def send_messages(self, messages):
        raise smtplib.SMTPDataError(421, b"Service not available, try again later")


class PermanentBackend(EmailBackend):
    """550: no such mailbox; trying again will not help."""

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({message.to[0]: (550, b"No such user") for message in messages})
