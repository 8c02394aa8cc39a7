from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from public_cache.declarations import affects_public_pages

from .choices import County, OrganisationKind

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

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation_number"),
        FieldPanel("kind"),
        FieldPanel("county"),
        FieldPanel("website"),
        FieldPanel("contact_emails"),
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
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    @property
    def affiliation(self) -> str:
        return self.organisation.name if self.organisation_id else self.organisation_text
