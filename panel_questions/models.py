"""Questions to the panel: a consultation's queue (open or closed by staff), the questions its
attendees send, and who supports which. Who asked is for the moderators only: no public page, wall
or minutes ever shows it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from public_cache.declarations import affects_public_pages, leaves_public_pages_alone

TEXT_MAX_LENGTH = 500
ANSWER_MAX_LENGTH = 4000


# The minutes page shows the questions the panel did not reach; opening and closing decide which.
@affects_public_pages
class QuestionQueue(models.Model):
    consultation = models.OneToOneField(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="panel_question_queue",
    )
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel question queue")
        verbose_name_plural = _("panel question queues")

    def __str__(self):
        return f"{self.consultation_id}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for moderation")
    APPROVED = "approved", pgettext_lazy("a question to the panel", "Approved")
    ANSWERING = "answering", _("Being answered now")
    ANSWERED = "answered", pgettext_lazy("a question to the panel", "Answered")
    HIDDEN = "hidden", _("Hidden")
    MERGED = "merged", _("Merged into another question")
    # Approved but not reached when the questions closed: an open item on the minutes.
    FOLLOW_UP = "follow_up", _("Not reached: to be answered in writing")


# Follow-ups and their written answers are on the public minutes page.
@affects_public_pages
class PanelQuestion(models.Model):
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="panel_questions",
    )
    text = models.TextField(_("question"), max_length=TEXT_MAX_LENGTH)
    # Staff only, to moderate; emptied when the person is erased, the question stays unattributed.
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=QuestionStatus.choices, default=QuestionStatus.PENDING
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
    )
    created_at = models.DateTimeField(_("asked"), default=timezone.now, db_index=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # The ministry's written answer to a question the panel did not reach.
    answer = models.TextField(_("written answer"), max_length=ANSWER_MAX_LENGTH, blank=True)
    answer_date = models.DateField(_("date of the answer"), null=True, blank=True)

    class Meta:
        verbose_name = _("panel question")
        verbose_name_plural = _("panel questions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "status"])]

    def __str__(self):
        return f"{self.consultation_id}/{self.pk} ({self.status})"


# Only counts are ever shown; who supported what is never on a page.
@leaves_public_pages_alone
class QuestionSupport(models.Model):
    question = models.ForeignKey(
        PanelQuestion, verbose_name=_("question"), on_delete=models.CASCADE, related_name="supports"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("supporter"), on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(_("supported"), default=timezone.now)

    class Meta:
        verbose_name = _("support for a panel question")
        verbose_name_plural = _("supports for panel questions")
        constraints = [models.UniqueConstraint(fields=["question", "user"], name="one_support_per_person")]

    def __str__(self):
        return f"{self.question_id}"
