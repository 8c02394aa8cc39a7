"""Which failures of the mail server are worth another try, and how long to wait before it."""

import smtplib
from datetime import timedelta


class Undeliverable(Exception):
    """Raised by a purpose's `build` when the mail cannot go at all (no address): its message is the
    reason staff read; the mail fails at once, with no retry."""


# Connection refused, reset, timed out, DNS: the server or the network is away for now.
TEMPORARY = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, ConnectionError, TimeoutError, OSError)


def is_temporary(error: BaseException) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500  # 4xx: "try again later"; 5xx is final
    return isinstance(error, TEMPORARY)


def backoff(*, attempts: int, first_seconds: float) -> timedelta:
    """1×, 2×, 4×, … the first wait, capped at an hour: a mail server back within minutes gets its
    mail within minutes, one away for a day is not hammered."""
    return timedelta(seconds=min(first_seconds * 2 ** max(attempts - 1, 0), 3600))


def describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:2000]
