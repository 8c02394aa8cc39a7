"""What an app tells the outbox about a purpose of its mails, registered from its `ready()`: the outbox
sits below the apps that mail, so it is told rather than importing them.

- `build(mail)`: for a purpose whose message is made when it is sent (an invitation with a new link);
  returns the message, or None when it is not needed any more (the invitation was withdrawn).
  It may write to `mail.context` (saved with the outcome).
- `sent(mail)`, `failed(mail)`: the app records the outcome on its own rows, in the same transaction.
- `label`: the purpose as staff read it on the outbox screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.core.mail import EmailMessage


@dataclass(frozen=True)
class Purpose:
    label: object  # a lazy translation
    build: Callable[..., EmailMessage | None] | None = None
    sent: Callable[..., None] | None = None
    failed: Callable[..., None] | None = None


_purposes: dict[str, Purpose] = {}


def purpose_register(name: str, purpose: Purpose) -> None:
    _purposes[name] = purpose


def purpose_of(name: str) -> Purpose | None:
    return _purposes.get(name)
