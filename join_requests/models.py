"""A request to take part: what the applicant wrote, whether the contact confirmed it from their
address, and what staff decided. Personal data (privacy/inventory.py): a request not accepted is
erased SAKRAD_JOIN_REQUESTS_KEEP_DAYS after it was made or declined (services/erase.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from organisations.choices import County, OrganisationKind
from public_cache.declarations import leaves_public_pages_alone

MOTIVATION_MAX_LENGTH = 2000
DECLINE_REASON_MAX_LENGTH = 2000


class JoinRequestStatus(models.TextChoices):
    UNCONFIRMED = "unconfirmed", _("Waiting for the applicant to confirm")
    PENDING = "pending", pgettext_lazy("join request", "Waiting to be vetted")
    ACCEPTED = "accepted", pgettext_lazy("join request", "Accepted")
    DECLINED = "declined", pgettext_lazy("join request", "Declined")


class JoinRequestQuerySet(models.QuerySet):
    def shown_to_staff(self):
        """Confirmed from the contact's address: staff never see a request nobody confirmed."""
        return self.exclude(status=JoinRequestStatus.UNCONFIRMED)


# No public page reads a request; accepting it writes an Organisation, which empties the cache itself.
@leaves_public_pages_alone
class JoinRequest(models.Model):
    organisation_name = models.CharField(_("organisation's name"), max_length=255)
    organisation_number = models.CharField(_("organisation number"), max_length=11, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    county = models.CharField(_("county"), max_length=2, choices=County.choices)
    themes = models.ManyToManyField(
        "consultations.Theme", verbose_name=_("themes"), related_name="join_requests", blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail address"), max_length=254)
    motivation = models.TextField(
        _("why the organisation wants to take part"), max_length=MOTIVATION_MAX_LENGTH
    )
    consented_at = models.DateTimeField(_("consent to store the details given"))

    status = models.CharField(
        _("status"), max_length=20, choices=JoinRequestStatus.choices, default=JoinRequestStatus.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    # The link in the confirmation mail: only its hash, stored once the mail server took the mail.
    confirm_token_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, db_index=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decline_reason = models.TextField(
        _("reason for declining"), blank=True, max_length=DECLINE_REASON_MAX_LENGTH
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisation created"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="join_requests",
    )

    objects = JoinRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-confirmed_at", "-pk"]
        verbose_name = _("request to take part")
        verbose_name_plural = _("requests to take part")

    def __str__(self):
        return self.organisation_name
