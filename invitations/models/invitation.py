from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import affects_public_pages

from ..choices import InvitationStatus
from .queryset import InvitationQuerySet


# The consultation page lists the invited organisations.
@affects_public_pages
class Invitation(models.Model):
    """One organisation invited to one consultation, and its answer (RSVP)."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="invitations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InvitationStatus.choices, default=InvitationStatus.NOT_SENT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    # Only a SHA-256 of the token is kept: a copy of the database does not let anyone answer.
    # A new token replaces the old one, so only the latest email's link works.
    token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    token_expires_at = models.DateTimeField(_("link expires"), null=True, blank=True, editable=False)
    token_revoked_at = models.DateTimeField(_("link revoked"), null=True, blank=True, editable=False)

    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    last_send_error = models.TextField(_("last sending error"), blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)

    answered_at = models.DateTimeField(_("answered"), null=True, blank=True, editable=False)
    decline_comment = models.TextField(_("comment when declining"), blank=True)
    # The waiting list is first come, first served by this time; it is kept while the answer changes.
    waitlisted_at = models.DateTimeField(_("waitlisted"), null=True, blank=True, editable=False)
    # The hidden nonce of the last form stored: the same form submitted twice is one answer.
    answer_nonce = models.CharField(max_length=64, blank=True, editable=False)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "organisation"], name="one_invitation_per_organisation"
            )
        ]
        indexes = [models.Index(fields=["consultation", "status"], name="invitation_state_idx")]

    def __str__(self):
        return f"{self.organisation} → {self.consultation}"
