"""One row per e-mail: what to send, to whom, and how far it got."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from public_cache.declarations import leaves_public_pages_alone


class MailState(models.TextChoices):
    QUEUED = "queued", _("Queued")
    # Handed to the mail server by a worker now. A worker killed here leaves the row claimed; once
    # the claim is older than SAKRAD_OUTBOX_CLAIM_SECONDS the mail is queued again (services/recover.py).
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SKIPPED = "skipped", _("Not needed any more")


@leaves_public_pages_alone
class OutboxMail(models.Model):
    # "purpose:object:recipient": queueing the same key again gives back the mail already queued,
    # so a mail goes at most once per recipient and purpose however often its cause runs.
    key = models.CharField(_("key"), max_length=200, unique=True)
    purpose = models.CharField(_("purpose"), max_length=40)
    consultation = models.ForeignKey(
        "consultations.ConsultationPage",
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_mails",
    )
    to = models.JSONField(_("to"), default=list)
    # The message as stored at queueing. Empty for a purpose whose message is built when it is sent
    # (an invitation: its link must be new, and no link is stored unsent).
    subject = models.TextField(_("subject"), blank=True)
    body = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    context = models.JSONField(_("context"), default=dict, blank=True)
    state = models.CharField(_("state"), max_length=20, choices=MailState.choices, default=MailState.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    error = models.TextField(_("reason"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["consultation", "state"], name="outbox_consultation_state")]

    def __str__(self):
        return f"{self.purpose} → {', '.join(self.to)} ({self.get_state_display()})"

    @property
    def may_retry(self) -> bool:
        """Failed, or waiting for another try after an error: Retry sends it now."""
        return self.state == MailState.FAILED or (self.state == MailState.QUEUED and bool(self.error))


@leaves_public_pages_alone
class QueueWorker(models.Model):
    """A running job worker's heartbeat: /readyz and the outbox screen say whether one is alive."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("job worker")
        verbose_name_plural = _("job workers")

    def __str__(self):
        return self.worker_id
