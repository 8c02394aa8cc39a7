"""An evaluation of one consultation: who was sent a link (until they answer), and the answers, which
hold nothing that leads back to a person or a link."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

from .choices import COMMENT_MAX_LENGTH, Agreement


# Staff screens and the attendees' form only: nothing public reads the evaluation.
@leaves_public_pages_alone
class Evaluation(models.Model):
    consultation = models.OneToOneField(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="evaluation",
    )
    closes_at = models.DateTimeField(_("closes"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # How many were sent a link: the response rate's denominator, since links are deleted when used.
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    def __str__(self):
        return str(self.consultation)

    def is_open(self, now=None) -> bool:
        return (now or timezone.now()) < self.closes_at


@leaves_public_pages_alone
class EvaluationLink(models.Model):
    """A personal, single-use link: who it was for (to mail it and to remind), and the hash of its
    token once the mail went. Deleted when it is used, after the closing date and a margin, and with
    the attendee."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="links"
    )
    attendee = models.ForeignKey(
        "invitations.Attendee", verbose_name=_("attendee"), on_delete=models.CASCADE, related_name="+"
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation link")
        verbose_name_plural = _("evaluation links")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "attendee"], name="one_evaluation_link_per_attendee"
            )
        ]

    def __str__(self):
        return f"{self.evaluation} ({self.pk})"


def _agreement(label):
    return models.PositiveSmallIntegerField(label, choices=Agreement.choices, null=True, blank=True)


@leaves_public_pages_alone
class EvaluationAnswer(models.Model):
    """One attendee's answers. A random key and no time, so neither the order of the rows nor a clock
    can be matched against who was mailed or reminded when; null on a question is "don't know"."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluation"), on_delete=models.CASCADE, related_name="answers"
    )
    could_say = _agreement(_("could say what they came to say"))
    material_in_time = _agreement(_("material in time"))
    material_accessible = _agreement(_("material accessible"))
    would_return = _agreement(_("would take part again"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("evaluation answer")
        verbose_name_plural = _("evaluation answers")

    def __str__(self):
        return str(self.pk)
