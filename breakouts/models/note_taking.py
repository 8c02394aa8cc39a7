from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


@leaves_public_pages_alone
class NoteTaking(models.Model):
    """Whether a consultation's groups may write notes: staff open it on the day and close it after."""

    consultation = models.OneToOneField(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="note_taking"
    )
    opened_at = models.DateTimeField(_("opened"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        verbose_name = _("note-taking")
        verbose_name_plural = _("note-taking")

    def __str__(self):
        return str(self.consultation)

    @property
    def is_open(self) -> bool:
        return self.opened_at is not None and self.closed_at is None
