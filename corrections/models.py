"""A review window on a minutes draft, and the corrections attendees suggest in it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

SUGGESTION_MAX_LENGTH = 1000  # "a short text"


@leaves_public_pages_alone
class CorrectionRound(models.Model):
    """One review window: attendees may suggest corrections until the deadline (or an early close)."""

    minutes = models.ForeignKey(
        "minutes.MinutesPage",
        verbose_name=_("minutes"),
        on_delete=models.CASCADE,
        related_name="correction_rounds",
    )
    # The minutes' parent, copied when the round opens: who may see it is decided by this consultation.
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="correction_rounds",
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    deadline = models.DateTimeField(_("suggestions until"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    closed_early_at = models.DateTimeField(_("closed early"), null=True, blank=True)

    class Meta:
        verbose_name = _("review of draft minutes")
        verbose_name_plural = _("reviews of draft minutes")
        ordering = ["-opened_at", "-pk"]

    def __str__(self):
        return f"{self.minutes_id}: {self.deadline:%Y-%m-%d %H:%M}"

    @property
    def closes_at(self):
        return min(self.deadline, self.closed_early_at) if self.closed_early_at else self.deadline

    def is_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.closes_at


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for a decision")
    ACCEPTED = "accepted", _("Accepted by the organisers")
    DECLINED = "declined", _("Declined by the organisers")


@leaves_public_pages_alone
class CorrectionSuggestion(models.Model):
    """An attendee's correction to one passage: plain text, shown escaped, made rich text only on accept."""

    round = models.ForeignKey(
        CorrectionRound, verbose_name=_("review"), on_delete=models.CASCADE, related_name="suggestions"
    )
    passage_key = models.CharField(_("passage"), max_length=200)
    passage_label = models.CharField(_("passage name"), max_length=300)
    # The passage as the attendee saw it: accepting checks the draft still says this.
    original_text = models.TextField(_("text when suggested"))
    text = models.TextField(_("suggested text"), max_length=SUGGESTION_MAX_LENGTH)
    # Erasing an account keeps the correction, unattributed, as the minutes are.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("suggested by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="correction_suggestions",
    )
    created_at = models.DateTimeField(_("suggested"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.CharField(_("note from the ministry"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("suggested correction")
        verbose_name_plural = _("suggested corrections")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.passage_label
