"""How the outbox builds and records the contact person's mails (registered from apps.py): the
personal link, and the confirmation of a new contact e-mail.

Built when they go, with a new token whose hash is stored only once the mail server took the mail (as
the invitations and evaluations do), so the outbox never holds a usable link.

Imported while the app registry loads (from apps.py), before any model may be: the models are reached
through the registry when the functions run."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.apps import apps
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from invitations.tokens import token_new
from outbox.purposes import Purpose

from .mail import confirm_message, link_message
from .periods import LINK_DAYS

if TYPE_CHECKING:
    from outbox.models import OutboxMail

LINK = "organisation_link"
EMAIL_CONFIRM = "organisation_email_confirm"


def _organisation(mail: OutboxMail):
    organisations = apps.get_model("organisations", "Organisation").objects
    return organisations.select_for_update().filter(pk=mail.context.get("organisation")).first()


def _with_digest(mail: OutboxMail, message, digest: str):
    mail.to = list(message.to)
    mail.context = {**mail.context, "digest": digest}
    return message


def _forget_digest(mail: OutboxMail) -> None:
    # The outbox keeps its rows for days: it keeps no trace of the link.
    mail.context = {key: value for key, value in mail.context.items() if key != "digest"}
    mail.save(update_fields=["context"])


def _build_link(mail: OutboxMail):
    organisation = _organisation(mail)
    if organisation is None or not organisation.contact_email:
        return None  # deleted, or nobody to send it to any more
    token, digest = token_new()
    return _with_digest(mail, link_message(organisation=organisation, token=token), digest)


def _link_sent(mail: OutboxMail) -> None:
    apps.get_model("organisations", "ContactLink").objects.update_or_create(
        organisation_id=mail.context["organisation"],
        defaults={
            "token_hash": mail.context["digest"],
            "email": mail.to[0],
            "expires_at": timezone.now() + dt.timedelta(days=LINK_DAYS),
        },
    )
    _forget_digest(mail)


def _change(mail: OutboxMail):
    changes = apps.get_model("organisations", "ContactEmailChange").objects
    return (
        changes.select_for_update(of=("self",))
        .select_related("organisation")
        .filter(organisation_id=mail.context.get("organisation"), email=mail.context.get("email"))
        .first()
    )


def _build_confirm(mail: OutboxMail):
    change = _change(mail)
    if change is None or change.is_expired():
        return None  # confirmed, replaced by another address, or too late
    token, digest = token_new()
    return _with_digest(mail, confirm_message(change=change, token=token), digest)


def _confirm_sent(mail: OutboxMail) -> None:
    apps.get_model("organisations", "ContactEmailChange").objects.filter(
        organisation_id=mail.context["organisation"], email=mail.context["email"]
    ).update(token_hash=mail.context["digest"])
    _forget_digest(mail)


LINK_PURPOSE = Purpose(
    label=_("Organisation's details link"), build=_build_link, sent=_link_sent, failed=_forget_digest
)
CONFIRM_PURPOSE = Purpose(
    label=_("New contact e-mail to confirm"), build=_build_confirm, sent=_confirm_sent, failed=_forget_digest
)
