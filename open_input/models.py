"""Open input (öppet inspel): a period when anyone may answer a consultation's questions, and the
answers. Nothing about the sender is stored: no address, no browser, no account."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import affects_public_pages, leaves_public_pages_alone

ANSWER_MAX_LENGTH = 4000


# The consultation page links to the form while the period is open.
@affects_public_pages
class OpenInputPeriod(models.Model):
    consultation = models.OneToOneField(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="open_input_period",
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Plain language: who you want to hear from, and why.")
    )

    class Meta:
        verbose_name = _("open input period")
        verbose_name_plural = _("open input periods")

    def __str__(self):
        return f"{self.consultation_id}: {self.opens_at:%Y-%m-%d} – {self.closes_at:%Y-%m-%d}"

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("Open input must close after it opens.")})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class AgeBand(models.TextChoices):
    UNDER_16 = "under_16", _("Under 16")
    FROM_16_TO_19 = "16_19", _("16–19")
    FROM_20_TO_25 = "20_25", _("20–25")
    FROM_26_TO_35 = "26_35", _("26–35")
    FROM_36_TO_64 = "36_64", _("36–64")
    FROM_65 = "65_plus", _("65 or older")


class AnswerStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    REMOVED = "removed", _("Removed: personal data")


@leaves_public_pages_alone
class InputAnswer(models.Model):
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="input_answers",
    )
    # Ties the answers sent in one form together, so people (not answers) are counted per age band.
    submission = models.UUIDField(_("submission"), default=uuid.uuid4, db_index=True, editable=False)
    question_number = models.PositiveSmallIntegerField(
        _("question number"), null=True, blank=True, help_text=_("Empty: about the theme in general.")
    )
    text = models.TextField(_("answer"), max_length=ANSWER_MAX_LENGTH, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    age_band = models.CharField(_("age band"), max_length=20, choices=AgeBand.choices, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AnswerStatus.choices, default=AnswerStatus.PENDING
    )
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("open input answer")
        verbose_name_plural = _("open input answers")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self):
        return f"{self.consultation_id}/{self.pk} ({self.status})"
