from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

from ..choices import AccessNeed


# Checked in at the door on the day; the minutes hold who attended once compiled (their own write).
@leaves_public_pages_alone
class Attendee(models.Model):
    """A named person an organisation sends. Needs are for the organisers only, and erased after the event."""

    invitation = models.ForeignKey(
        "invitations.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="attendees",
    )
    # A copy of invitation.consultation, so the database itself refuses one person named twice
    # for the same consultation, even by two organisations.
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="attendees",
        editable=False,
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))  # stored in lower case by the services
    access_needs = models.JSONField(_("access needs"), default=list, blank=True)
    access_needs_other = models.CharField(_("other access needs"), max_length=500, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=500, blank=True)
    # Deleting the account deletes the row (privacy erasure: "erase" in privacy/inventory.py).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attendances",
    )
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    needs_erased_at = models.DateTimeField(_("needs erased"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["invitation", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["consultation", "email"], name="one_attendee_per_email"),
        ]

    def __str__(self):
        return self.name

    @property
    def access_need_labels(self) -> list[str]:
        labels = dict(AccessNeed.choices)
        return [str(labels.get(value, value)) for value in self.access_needs]

    @property
    def access_needs_text(self) -> str:
        """The needs in words: the ticked ones, with the described one in place of "Other"."""
        labels = dict(AccessNeed.choices)
        words = [
            str(labels[value]) for value in self.access_needs if value in labels and value != AccessNeed.OTHER
        ]
        if self.access_needs_other:
            words.append(self.access_needs_other)
        elif AccessNeed.OTHER in self.access_needs:
            words.append(str(labels[AccessNeed.OTHER]))
        return ", ".join(words)
