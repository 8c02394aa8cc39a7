"""The email asking an attendee to check the draft minutes: Swedish and English in one message, to that
attendee only, so no one sees who else took part."""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

REVIEW_SUBJECT = _("Check the draft minutes: %(title)s")


def review_url(*, minutes_id: int, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("corrections:review", args=[minutes_id]))


def review_invitation_message(*, round, attendee) -> EmailMultiAlternatives:
    consultation = round.consultation
    return bilingual_message(
        folder="corrections/email",
        template="review_opened",
        subject=REVIEW_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            "attendee": attendee,
            "consultation": consultation,
            "deadline": round.deadline,
            "review_url": review_url(minutes_id=round.minutes_id, language=language),
        },
        to=[attendee.email],
    )
