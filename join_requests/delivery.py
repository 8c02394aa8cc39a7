"""The request's e-mails as the outbox knows them (registered from apps.py).

The confirmation is built when it goes, with a new token whose hash is stored on the request only
once the mail server took it (as the invitations and evaluations do), so the outbox never holds a
usable link; a request confirmed or erased in the meantime is not mailed. The answers (accepted,
declined) are stored messages like any other.

Imported while the app registry loads, before any model may be: the request model is reached through
the registry when a mail is built."""

from __future__ import annotations

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from invitations.tokens import token_new
from outbox.purposes import Purpose

from .mail import confirm_message

CONFIRM = "join-request-confirm"
ACCEPTED = "join-request-accepted"
DECLINED = "join-request-declined"


def _unconfirmed(mail):
    model = apps.get_model("join_requests", "JoinRequest")
    return (
        model.objects.select_for_update().filter(pk=mail.context.get("request"), status="unconfirmed").first()
    )


def _build(mail):
    join_request = _unconfirmed(mail)
    if join_request is None:
        return None  # confirmed already, or erased
    token, digest = token_new()
    message = confirm_message(join_request=join_request, token=token)
    mail.context = {**mail.context, "digest": digest}
    return message


def _sent(mail) -> None:
    model = apps.get_model("join_requests", "JoinRequest")
    model.objects.filter(pk=mail.context.get("request"), status="unconfirmed").update(
        confirm_token_hash=mail.context.get("digest")
    )
    _forget_digest(mail)


def _forget_digest(mail) -> None:
    # The outbox keeps its rows (and their recipient) for days: it keeps no trace of the link.
    mail.context = {key: value for key, value in mail.context.items() if key != "digest"}
    mail.save(update_fields=["context"])


PURPOSES = {
    CONFIRM: Purpose(
        label=_("Confirm a request to take part"), build=_build, sent=_sent, failed=_forget_digest
    ),
    ACCEPTED: Purpose(label=_("Request to take part accepted")),
    DECLINED: Purpose(label=_("Request to take part declined")),
}
