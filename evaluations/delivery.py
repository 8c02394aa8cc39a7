"""How the outbox builds and records an evaluation link's e-mail (registered from apps.py).

Built when it goes, with a new token whose hash is stored on the link only once the mail server took
it (as the invitations do), so the outbox never holds a usable link. A link answered or erased in the
meantime is not mailed; a reminder's link replaces the first one.

This module is imported while the app registry loads (from apps.py, so that a job worker knows the
purpose), before any model may be: it reaches the link model through the registry when it runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from invitations.tokens import token_new
from outbox.purposes import Purpose

from .mail import evaluation_message

if TYPE_CHECKING:
    from outbox.models import OutboxMail

PURPOSE = "evaluation"


def _link(mail: OutboxMail):
    return (
        apps.get_model("evaluations", "EvaluationLink")
        .objects.select_for_update(of=("self",))
        .select_related("evaluation__consultation", "attendee")
        .filter(pk=mail.context.get("link"))
        .first()
    )


def _build(mail: OutboxMail):
    link = _link(mail)
    if link is None or not link.evaluation.is_open():
        return None  # answered, erased with the attendee, or the evaluation has closed
    reminder = bool(mail.context.get("reminder"))
    if reminder and link.token_hash is None:
        return None  # the first mail never arrived: the attendee has no link to be reminded of
    token, digest = token_new()
    message = evaluation_message(
        evaluation=link.evaluation, attendee=link.attendee, token=token, reminder=reminder
    )
    mail.to = list(message.to)
    mail.context = {**mail.context, "digest": digest}
    return message


def _sent(mail: OutboxMail) -> None:
    links = apps.get_model("evaluations", "EvaluationLink").objects
    links.filter(pk=mail.context.get("link")).update(token_hash=mail.context["digest"])
    _forget_digest(mail)


def _forget_digest(mail: OutboxMail) -> None:
    # The outbox keeps its rows (and their recipient) for days: it keeps no trace of the link.
    mail.context = {key: value for key, value in mail.context.items() if key != "digest"}
    mail.save(update_fields=["context"])


EVALUATION_PURPOSE = Purpose(label=_("Evaluation"), build=_build, sent=_sent, failed=_forget_digest)
