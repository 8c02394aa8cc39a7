"""The states and kinds the invitation app stores; stored values are English words, labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InvitationStatus(models.TextChoices):
    NOT_SENT = "not_sent", _("Not sent")
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WAITLISTED = "waitlisted", _("Waitlisted")


class AccessNeed(models.TextChoices):
    INTERPRETER = "interpreter", _("Interpreter")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    WHEELCHAIR = "wheelchair", _("Wheelchair access")
    SIGN_LANGUAGE = "sign_language", _("Sign language")
    OTHER = "other", _("Other (describe below)")


class SendKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    REMINDER = "reminder", _("Reminder")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    # Claimed and being handed to the mail server. A crash here leaves the outcome unknown, and a
    # retry does not guess: it never mails the organisation again for the same send.
    SENDING = "sending", _("Outcome unknown")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped (answered meanwhile)")
