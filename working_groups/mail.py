"""The email to a new working group member: Swedish first, English below (invitations/mail.py)."""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

MEMBER_ADDED_SUBJECT = _("You are in the working group for %(title)s")


def draft_url(*, consultation, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("working_groups:draft", args=[consultation.pk]))


def member_added_message(*, member) -> EmailMultiAlternatives:
    consultation = member.consultation
    return bilingual_message(
        folder="working_groups/email",
        template="member_added",
        subject=MEMBER_ADDED_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            "consultation": consultation,
            "draft_url": draft_url(consultation=consultation, language=language),
        },
        to=[member.user.email],
    )
