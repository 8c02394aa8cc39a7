"""The emails of the invitation app: Swedish first, English below, plain text with an HTML alternative.

Each message is rendered once per language from the same templates (English msgids, Swedish from the
catalogue), so the two halves always say the same thing.
"""

from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sakrad.links import absolute_url
from sakrad.mail import LANGUAGES, bilingual_message, login_url

from .ics import consultation_ics, venue_text
from .permissions import rsvp_closes_at

FOLDER = "invitations/email"
INVITATION_SUBJECT = _("Invitation: %(title)s")
REMINDER_SUBJECT = _("Reminder: please answer the invitation to %(title)s")
PROMOTED_SUBJECT = _("You have a place at %(title)s")
LOGIN_SUBJECT = _("Your login to %(title)s")
HELD_SUBJECT = _("An RSVP needs your attention: %(title)s")
WITHDRAWN_SUBJECT = _("Your invitation to %(title)s is withdrawn")


def rsvp_url(*, token: str, language: str) -> str:
    with translation.override(language):
        return absolute_url(reverse("invitations:rsvp", kwargs={"token": token}))


def consultation_context(*, consultation) -> dict:
    """The consultation's details; call it with the email's language active (its URL has the prefix)."""
    return {
        "consultation": consultation,
        "venue_text": venue_text(consultation=consultation),
        "deadline": rsvp_closes_at(consultation=consultation),
        "consultation_url": consultation.full_url if consultation.live else "",
    }


def invitation_message(*, invitation, token: str, reminder: bool = False) -> EmailMultiAlternatives:
    """The invitation (or the reminder) to one organisation, to all its contact addresses, with the .ics."""
    consultation = invitation.consultation

    def context_for(language):
        return {
            **consultation_context(consultation=consultation),
            "organisation": invitation.organisation,
            "rsvp_url": rsvp_url(token=token, language=language),
        }

    message = bilingual_message(
        folder=FOLDER,
        template="reminder" if reminder else "invitation",
        subject=REMINDER_SUBJECT if reminder else INVITATION_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=context_for,
        to=invitation.organisation.contact_email_list,
    )
    with translation.override(LANGUAGES[0]):
        url = consultation.full_url if consultation.live else ""
    message.attach(
        f"{consultation.slug}.ics",
        consultation_ics(consultation=consultation, description=consultation.introduction, url=url),
        "text/calendar",
    )
    return message


def promoted_message(*, invitation) -> EmailMultiAlternatives:
    """To an organisation taken off the waiting list: its attendees have seats now."""
    attendees = list(invitation.attendees.order_by("pk"))
    return bilingual_message(
        folder=FOLDER,
        template="promoted",
        subject=PROMOTED_SUBJECT,
        subject_params={"title": invitation.consultation.title},
        context_for=lambda language: {
            **consultation_context(consultation=invitation.consultation),
            "organisation": invitation.organisation,
            "attendees": attendees,
        },
        to=invitation.organisation.contact_email_list,
    )


def withdrawn_message(*, invitation) -> EmailMultiAlternatives:
    """To an organisation the organisers took off the list after inviting it: its link no longer works."""
    return bilingual_message(
        folder=FOLDER,
        template="withdrawn",
        subject=WITHDRAWN_SUBJECT,
        subject_params={"title": invitation.consultation.title},
        context_for=lambda language: {
            **consultation_context(consultation=invitation.consultation),
            "organisation": invitation.organisation,
        },
        to=invitation.organisation.contact_email_list,
    )


def login_message(*, attendee) -> EmailMultiAlternatives:
    """To a named attendee: how to log in (by an emailed code, no password needed)."""
    return bilingual_message(
        folder=FOLDER,
        template="login",
        subject=LOGIN_SUBJECT,
        subject_params={"title": attendee.consultation.title},
        context_for=lambda language: {
            **consultation_context(consultation=attendee.consultation),
            "attendee": attendee,
            "organisation": attendee.invitation.organisation,
            "login_url": login_url(language=language),
        },
        to=[attendee.email],
    )


def held_message(*, invitation, to: list[str]) -> EmailMultiAlternatives:
    """To the organisers: an organisation's link named people it may not add. Neither names, addresses
    nor reasons are in the email (it may be forwarded or read on a phone); the overview has them."""
    consultation = invitation.consultation
    overview = absolute_url(reverse("invitations_admin:index", args=[consultation.pk]))
    return bilingual_message(
        folder=FOLDER,
        template="held",
        subject=HELD_SUBJECT,
        subject_params={"title": consultation.title},
        context_for=lambda language: {
            "consultation": consultation,
            "organisation": invitation.organisation,
            "overview_url": overview,
        },
        to=to,
    )
