from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone

from ..choices import DeliveryStatus, SendKind


@leaves_public_pages_alone
class InvitationSend(models.Model):
    """One press of "send" (invitations or a reminder): its progress, and what a retry picks up."""

    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="invitation_sends",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SendKind.choices, default=SendKind.INVITATION)
    total = models.PositiveIntegerField(_("total"), default=0)
    sent = models.PositiveIntegerField(_("sent"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation send")
        verbose_name_plural = _("invitation sends")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.skipped


@leaves_public_pages_alone
class InvitationDelivery(models.Model):
    """One organisation's email within one send; the unique pair is what stops a second mail."""

    send = models.ForeignKey(
        InvitationSend, verbose_name=_("send"), on_delete=models.CASCADE, related_name="deliveries"
    )
    invitation = models.ForeignKey(
        "invitations.Invitation",
        verbose_name=_("invitation"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    # The outbox mail that carries it: its state is the send's progress (services/delivery.py).
    mail = models.OneToOneField(
        "outbox.OutboxMail",
        verbose_name=_("e-mail"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitation_delivery",
    )
    error = models.TextField(_("error"), blank=True)
    attempted_at = models.DateTimeField(_("attempted"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation delivery")
        verbose_name_plural = _("invitation deliveries")
        constraints = [
            models.UniqueConstraint(fields=["send", "invitation"], name="one_delivery_per_send"),
        ]

    def __str__(self):
        return f"{self.invitation} ({self.get_status_display()})"
