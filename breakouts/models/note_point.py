from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


# Stored when a group's notes close; they reach the public only through compiled minutes.
@leaves_public_pages_alone
class NotePoint(models.Model):
    """One point of a group's notes as it stood when note-taking closed: plain rows for the minutes.
    No author on purpose: the minutes attribute nothing to named people."""

    group = models.ForeignKey(
        "breakouts.BreakoutGroup",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="note_points",
    )
    point_id = models.CharField(max_length=64, blank=True)
    question_number = models.PositiveSmallIntegerField(_("question"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)
    takeaway = models.BooleanField(_("takeaway"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("note point")
        verbose_name_plural = _("note points")
        ordering = ["group", "question_number", "order", "pk"]

    def __str__(self):
        return self.text[:60]
