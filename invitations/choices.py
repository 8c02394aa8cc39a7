"""The states and kinds the invitation app stores; stored values are English words, labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class InvitationStatus(models.TextChoices):
    NOT_SENT = "not_sent", _("Not sent")
    SENT = "sent", _("Sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WAITLISTED = "waitlisted", _("Waitlisted")
    # Taken off the list by the organisers after it was sent: kept, so the overview and the audit log
    # still show that the organisation was invited, and told.
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AccessNeed(models.TextChoices):
    """What a person needs arranged to take part, never why (docs/privacy.md, special categories).
    A stored value keeps its word while its need is the same; migration 0007 renamed "wheelchair"."""

    SPEECH_TO_TEXT = "speech_to_text", _("Speech-to-text interpreting (live captions)")
    SIGN_LANGUAGE = "sign_language", _("Sign-language interpreting")
    # Offered next to sign language since the start, so it always meant another spoken language.
    INTERPRETER = "interpreter", _("Interpreting to and from another spoken language")
    EASY_TO_READ = "easy_to_read", _("Easy-to-read material")
    MATERIAL_AHEAD = "material_ahead", _("The material sent ahead of time")
    HEARING_LOOP = "hearing_loop", _("Hearing loop")
    STEP_FREE = "step_free", _("Step-free access, for example for a wheelchair")
    OTHER = "other", _("Other (describe below)")


class SendKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation")
    REMINDER = "reminder", _("Reminder")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    # Being handed to the mail server, or waiting for the outbox's next try after a temporary failure.
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Skipped (answered meanwhile)")


class HoldReason(models.TextChoices):
    """Why an RSVP link could not add a person it named. Shown to the organisers only: the link holder
    is told the same neutral thing whatever the reason, so that a link cannot probe addresses."""

    STAFF = "staff", _("The address is a staff account")
    OTHER_ORGANISATION = "other_organisation", _("The address is an account of another organisation")
    NAMED_ELSEWHERE = "named_elsewhere", _("Another organisation has named the address for this consultation")
