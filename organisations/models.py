from django import forms
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index

from public_cache.declarations import affects_public_pages, leaves_public_pages_alone

from .choices import County, OrganisationKind

DESCRIPTION_MAX_LENGTH = 500
CONTACT_NAME_MAX_LENGTH = 200

organisation_number_validator = RegexValidator(
    r"^\d{6}-\d{4}$",
    _("Enter the organisation number as NNNNNN-NNNN."),
)


@affects_public_pages
class Organisation(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=11,
        blank=True,
        validators=[organisation_number_validator],
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    county = models.CharField(_("county"), max_length=2, choices=County.choices, blank=True)
    website = models.URLField(_("website"), blank=True)
    contact_emails = models.TextField(
        _("contact emails"),
        blank=True,
        help_text=_("One address per line; invitations go to each of them."),
    )
    # What the organisation says of itself; its contact person keeps it up to date (docs/organisations.md).
    description = models.TextField(_("short description"), max_length=DESCRIPTION_MAX_LENGTH, blank=True)
    themes = models.ManyToManyField(
        "consultations.Theme", verbose_name=_("themes"), blank=True, related_name="organisations"
    )
    may_be_shown = models.BooleanField(
        _("may be shown as a participant"),
        default=True,
        help_text=_("Whether public pages may name the organisation among those invited. Published "
                    "minutes are an official record and list every participating organisation."),
    )
    # The one person who keeps these details, by a personal link or from Mina sidor. Not an invitation
    # address: invitations go to contact_emails, which may be a shared mailbox.
    contact_name = models.CharField(_("contact person"), max_length=CONTACT_NAME_MAX_LENGTH, blank=True)
    contact_email = models.EmailField(
        _("contact person's e-mail"),
        blank=True,
        help_text=_("The contact person's own address: their personal link goes here, and logged in with "
                    "it they may update the organisation's details. Invitations go to the contact emails."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation_number"),
        FieldPanel("kind"),
        FieldPanel("county"),
        FieldPanel("website"),
        FieldPanel("contact_emails"),
        FieldPanel("description"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("may_be_shown"),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=pgettext_lazy("organisation", "Contact person"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    @property
    def contact_email_list(self) -> list[str]:
        return [line.strip() for line in self.contact_emails.splitlines() if line.strip()]


class PersonManager(models.Manager):
    # A person is never shown without their affiliation and photo; StreamField speaker blocks
    # load people through this manager (in_bulk), so this keeps agendas at a fixed query count.
    def get_queryset(self):
        return super().get_queryset().select_related("organisation", "photo")


@affects_public_pages
class Person(index.Indexed, models.Model):
    """Someone named publicly on a page: a host, a speaker or a press contact."""

    name = models.CharField(_("name"), max_length=255)
    title = models.CharField(_("title"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
    )
    organisation_text = models.CharField(
        _("organisation (free text)"),
        max_length=255,
        blank=True,
        help_text=_("For people whose organisation is not in the register, e.g. a ministry."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    public_email = models.EmailField(_("public email"), blank=True)
    public_phone = models.CharField(_("public phone"), max_length=40, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("organisation"),
        FieldPanel("organisation_text"),
        FieldPanel("photo"),
        FieldPanel("public_email"),
        FieldPanel("public_phone"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    objects = PersonManager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @property
    def affiliation(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_text


@leaves_public_pages_alone
class ContactLink(models.Model):
    """The contact person's personal link to the organisation's details (organisation_details/). Only
    the hash of its token is kept, set once the mail server took the mail; a new link replaces the old.
    It works only while the address it went to is the contact e-mail: staff changing that address in the
    admin end the old contact's link."""

    organisation = models.OneToOneField(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="contact_link"
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True)
    email = models.EmailField(_("sent to"))
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("contact person's link")
        verbose_name_plural = _("contact persons' links")

    def __str__(self):
        return str(self.organisation)

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    def is_current(self) -> bool:
        return self.email.lower() == self.organisation.contact_email.lower()


@leaves_public_pages_alone
class ContactEmailChange(models.Model):
    """A new contact address, waiting to be confirmed from itself; until then the old one holds. The
    token's hash is set once the mail server took the confirmation mail."""

    organisation = models.OneToOneField(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contact_email_change",
    )
    email = models.EmailField(_("new contact e-mail"))
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"))

    class Meta:
        verbose_name = _("contact e-mail change")
        verbose_name_plural = _("contact e-mail changes")

    def __str__(self):
        return str(self.organisation)

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at
