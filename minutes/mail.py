"""The emails of the minutes: Swedish first, English below, plain text with an HTML alternative.

Built like the invitation emails (invitations/mail.py): each message is rendered once per language
from the same templates and shares their HTML layout. One message per attendee, to that attendee
only, so no one sees who else took part.
"""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from invitations.mail import LANGUAGES, TEXT_SEPARATOR

PUBLISHED_SUBJECT = _("Minutes published: %(title)s")
FOLLOW_UP_SUBJECT = _("What happened next: %(title)s")


def _bilingual_message(*, template: str, subject, title: str, context_for, to: list[str]):
    subjects, texts, htmls = [], [], []
    for language in LANGUAGES:
        with translation.override(language):
            context = {**context_for(language), "language": language}
            subjects.append(str(subject) % {"title": title})
            texts.append(render_to_string(f"minutes/email/{template}.txt", context).strip())
            html = render_to_string(f"minutes/email/{template}.html", context).strip()
            htmls.append(mark_safe(html))  # rendered by the template engine, so already escaped
    subject_line = " / ".join(dict.fromkeys(subjects))  # once only, while a translation is missing
    html = render_to_string(
        "invitations/email/layout.html",
        {"sections": list(zip(LANGUAGES, htmls, strict=True)), "subject": subjects[0]},
    )
    message = EmailMultiAlternatives(
        subject=subject_line.replace("\n", " "), body=TEXT_SEPARATOR.join(texts), to=to
    )
    message.attach_alternative(html, "text/html")
    return message


def _page_context(*, page, consultation) -> dict:
    """Call with the email's language active: the link carries that language's prefix."""
    return {"page": page, "consultation": consultation, "minutes_url": page.full_url}


def minutes_published_message(*, page, consultation, attendee) -> EmailMultiAlternatives:
    """To one attendee: the minutes of the consultation they attended are published."""
    return _bilingual_message(
        template="published",
        subject=PUBLISHED_SUBJECT,
        title=consultation.title,
        context_for=lambda language: {
            **_page_context(page=page, consultation=consultation),
            "attendee": attendee,
        },
        to=[attendee.email],
    )


def follow_up_message(*, page, consultation, follow_up, takeaways, attendee) -> EmailMultiAlternatives:
    """To one attendee: what was done since, dated, with the takeaways it answers."""
    return _bilingual_message(
        template="follow_up",
        subject=FOLLOW_UP_SUBJECT,
        title=consultation.title,
        context_for=lambda language: {
            **_page_context(page=page, consultation=consultation),
            "attendee": attendee,
            "follow_up": follow_up,
            "takeaways": takeaways,
        },
        to=[attendee.email],
    )
