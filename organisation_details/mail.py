"""The contact person's e-mails, Swedish and English in one message: their personal link to the
organisation's details, and the confirmation of a new contact e-mail (sent to the new address). Built
when they are sent (delivery.py), so a link is never stored unsent."""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

from .periods import CONFIRM_DAYS, LINK_DAYS

LINK_SUBJECT = _("Update your organisation's details: %(name)s")
CONFIRM_SUBJECT = _("Confirm the new contact e-mail for %(name)s")


def _url(name: str, token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse(name, args=[token]))


def link_message(*, organisation, token: str) -> EmailMultiAlternatives:
    return bilingual_message(
        folder="organisation_details/email",
        template="link",
        subject=LINK_SUBJECT,
        subject_params={"name": organisation.name},
        context_for=lambda language: {
            "organisation": organisation,
            "days": LINK_DAYS,
            "details_url": _url("organisation_details:by_link", token, language),
        },
        to=[organisation.contact_email],
    )


def confirm_message(*, change, token: str) -> EmailMultiAlternatives:
    return bilingual_message(
        folder="organisation_details/email",
        template="confirm",
        subject=CONFIRM_SUBJECT,
        subject_params={"name": change.organisation.name},
        context_for=lambda language: {
            "organisation": change.organisation,
            "days": CONFIRM_DAYS,
            "confirm_url": _url("organisation_details:confirm", token, language),
        },
        to=[change.email],
    )
