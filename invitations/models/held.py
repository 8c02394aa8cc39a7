from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

from ..choices import HoldReason


@leaves_public_pages_alone
class HeldAttendee(models.Model):
    """A person an organisation named through its RSVP link whom the link may not add (a staff
    account, another organisation's account or attendee): never an attendee, never linked to an
    account; it waits here for the organisers, who contact the organisation and then mark it handled.

    Only what the organisation typed is kept (no needs): the row is the organisers' to-do, deleted
    when they have handled it.
    """

    invitation = models.ForeignKey(
        "invitations.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="held_attendees",
    )
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="held_attendees",
        editable=False,
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email address"))  # lower case, as the organisation typed it
    reason = models.CharField(_("reason"), max_length=30, choices=HoldReason.choices)
    # The account the address belongs to, if any: what the organisers look at. Erasing that person
    # deletes the row with the account (privacy/inventory.py).
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rsvp_holds",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("person not added from a link")
        verbose_name_plural = _("people not added from a link")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["invitation", "email"], name="one_hold_per_invitation_email"),
        ]

    def __str__(self):
        return self.name
