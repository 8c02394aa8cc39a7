"""The e-mail to someone whose question the panel did not reach, once the ministry has answered it in
writing: Swedish first, English below (sakrad/mail.py). One message per person, to them only."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

ANSWERED_SUBJECT = _("Your question to the panel has been answered: %(title)s")
PURPOSE = "panel-question-answered"


def answered_message(*, question, consultation, person, minutes_url: str) -> EmailMultiAlternatives:
    return bilingual_message(
        folder="panel_questions/email",
        template="answered",
        subject=ANSWERED_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            "question": question,
            "consultation": consultation,
            "name": person.get_full_name().strip(),
            # Built with the e-mail's language active: the link carries its prefix.
            "page_url": absolute_url(reverse("panel_questions:phone", args=[consultation.pk])),
            "minutes_url": minutes_url,
        },
        to=[person.email],
    )
