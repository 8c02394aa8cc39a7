import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


@leaves_public_pages_alone
class BreakoutGroup(models.Model):
    """One breakout group of a consultation: a few participants, a facilitator, a note-taker, questions."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="breakout_groups",
    )
    name = models.CharField(_("name"), max_length=100)
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("facilitator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    note_taker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("note-taker"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Empty means the group works on every discussion question of the consultation.
    questions = models.ManyToManyField(
        "consultations.DiscussionQuestion",
        verbose_name=_("discussion questions"),
        blank=True,
        related_name="+",
    )
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    # Names the browser's offline copy of the notes with the id: a recreated database reuses ids,
    # and an old copy must never merge into another group's notes.
    notes_key = models.UUIDField(default=uuid.uuid4, editable=False)

    class Meta:
        verbose_name = _("breakout group")
        verbose_name_plural = _("breakout groups")
        ordering = ["consultation", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "name"], name="breakout_group_name_unique"),
        ]

    def __str__(self):
        return self.name

    @property
    def url(self) -> str:
        return reverse("breakouts:group", args=[self.pk])
