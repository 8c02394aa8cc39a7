"""The e-mail with an attendee's personal evaluation link: Swedish and English in one message, to that
attendee only. Built when it is sent (services/delivery.py), so the link is never stored unsent."""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

SUBJECT = _("How was the consultation? %(title)s")
REMINDER_SUBJECT = _("Reminder: how was the consultation? %(title)s")


def answer_url(*, consultation_id: int, token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("evaluations:answer", args=[consultation_id, token]))


def evaluation_message(*, evaluation, attendee, token: str, reminder: bool) -> EmailMultiAlternatives:
    consultation = evaluation.consultation
    return bilingual_message(
        folder="evaluations/email",
        template="evaluation",
        subject=REMINDER_SUBJECT if reminder else SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            "attendee": attendee,
            "consultation": consultation,
            "closes_at": evaluation.closes_at,
            "reminder": reminder,
            "answer_url": answer_url(consultation_id=consultation.pk, token=token, language=language),
        },
        to=[attendee.email],
    )
