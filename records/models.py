from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

from .validation import REGISTRY_NUMBER_MAX_LENGTH, validate_registry_number


@leaves_public_pages_alone
class ConsultationRecord(models.Model):
    """A consultation as the ministry's registry knows it: its registry number and its last archive export.

    Kept beside the consultation rather than on the page, so that filing it never makes a page revision."""

    consultation = models.OneToOneField(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="record",
    )
    # Empty until the registry has given one; unique (in any letter case) once set.
    registry_number = models.CharField(
        _("registry number"),
        max_length=REGISTRY_NUMBER_MAX_LENGTH,
        blank=True,
        validators=[validate_registry_number],
    )
    archived_at = models.DateTimeField(_("last archived"), null=True, blank=True, editable=False)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last archived by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("consultation record")
        verbose_name_plural = _("consultation records")
        constraints = [
            models.UniqueConstraint(
                Lower("registry_number"),
                condition=~Q(registry_number=""),
                name="registry_number_unique",
            )
        ]

    def __str__(self):
        return self.registry_number or str(self.consultation_id)
