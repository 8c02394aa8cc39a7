"""The register's e-mails, in the shared bilingual layout (sakrad/mail.py): the confirmation a follower
asked for, the news of a change to the takeaway they follow, and the staff's reminder.

A follower's mails are built when they are sent (the outbox's `build`, registered in apps.py): the
signed links are never stored unsent, a follower who unsubscribed in between gets nothing, and the
message carries the headers a mail program needs for its own unsubscribe button (RFC 8058), which a
stored outbox mail cannot hold.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from minutes.models import FollowUp
from minutes.models.takeaway import TakeawayStatus
from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

from .models import Follower
from .selectors import public_takeaway
from .tokens import confirm_token, unsubscribe_token

FOLDER = "outcomes/email"
CONFIRM_SUBJECT = _("Confirm that you want to follow a takeaway")
CHANGE_SUBJECT = _("News about a takeaway you follow")
REMINDER_SUBJECT = _("Takeaways without a response: %(title)s")
EXCERPT_CHARS = 200


def _excerpt(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def _url(name: str, *args) -> str:
    """Call with the mail's language active: the link carries that language's prefix."""
    return absolute_url(reverse(name, args=args))


def _status_label(value: str) -> str:
    return str(TakeawayStatus(value).label) if value in TakeawayStatus.values else value


def unsubscribe_url(follower, *, language: str = settings.LANGUAGE_CODE) -> str:
    with translation.override(language):
        return _url("outcomes:unsubscribe", unsubscribe_token(follower))


def _follower_headers(mail, follower) -> dict:
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "sakrad"
    return {
        # One Message-ID whatever the try, as the outbox gives its stored mails.
        "Message-ID": f"<outbox-{mail.pk}.{mail.created_at:%Y%m%d%H%M%S}@{host}>",
        "List-Unsubscribe": f"<{unsubscribe_url(follower)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _follower(mail, *, confirmed: bool):
    rows = Follower.objects.filter(pk=mail.context.get("follower"), nonce=mail.context.get("nonce", ""))
    follower = rows.filter(confirmed_at__isnull=not confirmed).first()
    if follower is None:
        return None, None
    takeaway = public_takeaway(takeaway_id=follower.takeaway_id)
    return (follower, takeaway) if takeaway is not None else (None, None)


def confirm_message_build(mail) -> EmailMultiAlternatives | None:
    """The confirmation link, or nothing when the request is gone or the takeaway is no longer public."""
    follower, takeaway = _follower(mail, confirmed=False)
    if follower is None:
        return None
    message = bilingual_message(
        folder=FOLDER,
        template="confirm",
        subject=CONFIRM_SUBJECT,
        subject_params={},
        context_for=lambda language: {
            "text": _excerpt(takeaway.text),
            "confirm_url": _url("outcomes:confirm", confirm_token(follower)),
            "takeaway_url": _url("outcomes:takeaway", takeaway.pk),
        },
        to=[follower.email],
    )
    message.extra_headers.update({"Message-ID": _follower_headers(mail, follower)["Message-ID"]})
    return message


def change_message_build(mail) -> EmailMultiAlternatives | None:
    """What changed on the takeaway, with a link to it and one to unsubscribe."""
    follower, takeaway = _follower(mail, confirmed=True)
    if follower is None:
        return None
    context = mail.context
    follow_up = FollowUp.objects.filter(pk=context.get("follow_up") or 0, page_id=takeaway.page_id).first()
    message = bilingual_message(
        folder=FOLDER,
        template="change",
        subject=CHANGE_SUBJECT,
        subject_params={},
        context_for=lambda language: {
            "text": _excerpt(takeaway.text),
            "changed": context.get("old") != context.get("new"),
            "old": _status_label(context.get("old", "")),
            "new": _status_label(context.get("new", "")),
            "follow_up": follow_up,
            "takeaway_url": _url("outcomes:takeaway", takeaway.pk),
            "unsubscribe_url": _url("outcomes:unsubscribe", unsubscribe_token(follower)),
        },
        to=[follower.email],
    )
    message.extra_headers.update(_follower_headers(mail, follower))
    return message


def reminder_message(
    *, consultation, minutes, takeaways, weeks: int, to: list[str]
) -> EmailMultiAlternatives:
    """To the organisers: these takeaways have had no response for `weeks` weeks or more."""
    return bilingual_message(
        folder=FOLDER,
        template="reminder",
        subject=REMINDER_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            "consultation": consultation,
            "weeks": weeks,
            "takeaways": [(_excerpt(takeaway.text), takeaway.silent_since) for takeaway in takeaways],
            "screen_url": _url("follow_up_admin:index", minutes.pk),
        },
        to=to,
    )
