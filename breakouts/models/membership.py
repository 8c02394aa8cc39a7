from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


@leaves_public_pages_alone
class GroupMembership(models.Model):
    """A participant in a breakout group. One group per person per consultation (the services enforce
    it, with `consultation` copied here so the database refuses a second group as well)."""

    group = models.ForeignKey(
        "breakouts.BreakoutGroup",
        verbose_name=_("group"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    consultation = models.ForeignKey(
        "consultations.ConsultationPage", on_delete=models.CASCADE, related_name="+", editable=False
    )
    # Deleting the account deletes the membership (privacy erasure: "erase").
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="breakout_memberships",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        ordering = ["group", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "user"], name="one_breakout_group_per_person"),
        ]

    def __str__(self):
        return f"{self.user} → {self.group}"
