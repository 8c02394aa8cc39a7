"""The applicant's e-mails, in the shared bilingual layout (sakrad/mail.py): the link that confirms the
request, and staff's answer (accepted, or declined with the reason). Each half links to its own
language's pages."""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import bilingual_message

from .tokens import CONFIRM_DAYS

FOLDER = "join_requests/email"
CONFIRM_SUBJECT = _("Confirm your request to take part in consultations")
ACCEPTED_SUBJECT = _("%(name)s can now be invited to consultations")
DECLINED_SUBJECT = _("Your request to take part in consultations")


def _nothing(language: str) -> dict:
    return {}


def _message(*, join_request, template: str, subject, context_for) -> EmailMultiAlternatives:
    return bilingual_message(
        folder=FOLDER,
        template=template,
        subject=subject,
        subject_params={"name": join_request.organisation_name},
        context_for=lambda language: {
            "join_request": join_request,
            "form_url": absolute_url(reverse("join_requests:form")),
            **context_for(language),
        },
        to=[join_request.contact_email],
    )


def confirm_message(*, join_request, token: str) -> EmailMultiAlternatives:
    return _message(
        join_request=join_request,
        template="confirm",
        subject=CONFIRM_SUBJECT,
        context_for=lambda language: {
            "confirm_url": absolute_url(reverse("join_requests:confirm", args=[token])),
            "days": CONFIRM_DAYS,
        },
    )


def accepted_message(*, join_request) -> EmailMultiAlternatives:
    return _message(
        join_request=join_request, template="accepted", subject=ACCEPTED_SUBJECT, context_for=_nothing
    )


def declined_message(*, join_request) -> EmailMultiAlternatives:
    return _message(
        join_request=join_request, template="declined", subject=DECLINED_SUBJECT, context_for=_nothing
    )
