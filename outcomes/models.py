"""The register's own rows: its history of changes (public), who follows a takeaway (personal data),
and which reminders staff have had (so each goes once)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from minutes.models.takeaway import TakeawayStatus
from public_cache.declarations import affects_public_pages, leaves_public_pages_alone


@affects_public_pages
class StatusChange(models.Model):
    """A takeaway's status as staff changed it, for the register's history and feed (a response is
    the follow-up itself). Written by the listener minutes/services/follow_up.py calls
    (outcomes/listen.py); no person on it."""

    takeaway = models.ForeignKey(
        "minutes.Takeaway",
        verbose_name=_("takeaway"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    old_status = models.CharField(_("old status"), max_length=20, choices=TakeawayStatus.choices)
    new_status = models.CharField(_("new status"), max_length=20, choices=TakeawayStatus.choices)
    # The follow-up that set it, if one did.
    follow_up = models.ForeignKey(
        "minutes.FollowUp",
        verbose_name=_("follow-up"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="status_changes",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.takeaway_id}: {self.old_status} → {self.new_status}"


def _nonce() -> str:
    return secrets.token_urlsafe(12)


@leaves_public_pages_alone
class Follower(models.Model):
    """Someone who asked to be e-mailed when a takeaway changes: an address, no account. Mailed only
    once confirmed (double opt-in); deleted on unsubscribe, unconfirmed after a few days, and with the
    person (privacy/inventory.py)."""

    takeaway = models.ForeignKey(
        "minutes.Takeaway", verbose_name=_("takeaway"), on_delete=models.CASCADE, related_name="followers"
    )
    email = models.EmailField(_("e-mail address"), max_length=254)
    # The language the follower asked in: the mails' links lead to that language's pages.
    language = models.CharField(_("language"), max_length=8, default="sv")
    # In every signed link: a new row after an unsubscribe never answers an old link.
    nonce = models.CharField(max_length=32, default=_nonce, editable=False)
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("follower")
        verbose_name_plural = _("followers")
        constraints = [models.UniqueConstraint(fields=["takeaway", "email"], name="outcomes_one_follower")]

    def __str__(self):
        return f"{self.takeaway_id}: {self.email}"


@leaves_public_pages_alone
class TakeawayReminder(models.Model):
    """A reminder sent to staff about a takeaway without a response: one per silent period (counted in
    SAKRAD_OUTCOMES_REMINDER_WEEKS from the last response), whatever the outbox keeps or prunes."""

    takeaway = models.ForeignKey(
        "minutes.Takeaway", verbose_name=_("takeaway"), on_delete=models.CASCADE, related_name="reminders"
    )
    silent_since = models.DateField(_("no response since"))
    period = models.PositiveIntegerField(_("period"))
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["takeaway", "silent_since", "period"], name="outcomes_one_reminder"
            )
        ]

    def __str__(self):
        return f"{self.takeaway_id}: {self.silent_since} #{self.period}"
