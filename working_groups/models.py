"""Who is in a consultation's working group, and what they said about its draft questions."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

COMMENT_MAX_LENGTH = 2000
RESOLUTION_NOTE_MAX_LENGTH = 500


@leaves_public_pages_alone
class WorkingGroupMember(models.Model):
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="working_group",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="working_group_memberships",
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        verbose_name = _("working group member")
        verbose_name_plural = _("working group members")
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="working_group_member_unique")
        ]

    def __str__(self):
        return f"{self.user} ({self.consultation_id})"


@leaves_public_pages_alone
class QuestionComment(models.Model):
    """A member's comment on one draft question. Keyed by the question's number, not its row: a
    question in a revision that was never published has no row of its own."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="question_comments",
    )
    question_number = models.PositiveSmallIntegerField(_("question number"))
    # What the question said when the comment was written, so staff can see it has changed since.
    question_text = models.TextField(_("question at the time"))
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("version commented on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="question_comments",
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolution = models.CharField(_("resolution"), max_length=RESOLUTION_NOTE_MAX_LENGTH, blank=True)

    class Meta:
        verbose_name = _("comment on a draft question")
        verbose_name_plural = _("comments on draft questions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["consultation", "question_number"])]

    def __str__(self):
        return f"{self.consultation_id}/{self.question_number}#{self.pk}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
