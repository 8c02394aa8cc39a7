"""The emails of the minutes: Swedish first, English below, plain text with an HTML alternative.

Built like the invitation emails (invitations/mail.py): each message is rendered once per language
from the same templates and shares their HTML layout. One message per attendee, to that attendee
only, so no one sees who else took part.
"""

from django.core.mail import EmailMultiAlternatives
from django.utils.translation import gettext_lazy as _

from sakrad.mail import bilingual_message

PUBLISHED_SUBJECT = _("Minutes published: %(title)s")
FOLLOW_UP_SUBJECT = _("What happened next: %(title)s")


def _page_context(*, page, consultation) -> dict:
    """Call with the email's language active: the link carries that language's prefix."""
    return {"page": page, "consultation": consultation, "minutes_url": page.full_url}


def minutes_published_message(*, page, consultation, attendee) -> EmailMultiAlternatives:
    """To one attendee: the minutes of the consultation they attended are published."""
    return bilingual_message(
        folder="minutes/email",
        template="published",
        subject=PUBLISHED_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            **_page_context(page=page, consultation=consultation),
            "attendee": attendee,
        },
        to=[attendee.email],
    )


def follow_up_message(*, page, consultation, follow_up, takeaways, attendee) -> EmailMultiAlternatives:
    """To one attendee: what was done since, dated, with the takeaways it answers."""
    return bilingual_message(
        folder="minutes/email",
        template="follow_up",
        subject=FOLLOW_UP_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            **_page_context(page=page, consultation=consultation),
            "attendee": attendee,
            "follow_up": follow_up,
            "takeaways": takeaways,
        },
        to=[attendee.email],
    )
