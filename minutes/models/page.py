from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import MinutesBodyBlock


class MinutesPage(RoutablePageMixin, Page):
    """The published record of one consultation; statements are never attributed to people or to
    named organisations."""

    held_on = models.DateField(_("held on"), null=True, blank=True)
    organiser = models.CharField(_("organiser"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    participating_organisations = ParentalManyToManyField(
        "organisations.Organisation",
        verbose_name=_("participating organisations"),
        blank=True,
        related_name="minutes",
    )
    body = StreamField(MinutesBodyBlock(), verbose_name=_("body"), blank=True)
    # What the compile step last wrote: a body that differs has been edited by staff since.
    compiled_at = models.DateTimeField(_("compiled"), null=True, blank=True, editable=False)
    compiled_fingerprint = models.CharField(max_length=64, blank=True, editable=False)

    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("held_on"), FieldPanel("organiser"), FieldPanel("participating_organisations")],
            heading=_("The meeting"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("takeaways", heading=_("Takeaways"), label=_("Takeaway")),
        InlinePanel("follow_ups", heading=_("What happened next"), label=_("Follow-up")),
    ]
    # Open data (API v2): the record as published; organisations by name only, as on the page.
    api_fields = [
        APIField("held_on"),
        APIField("organiser"),
        APIField("summary"),
        APIField("participating_organisation_names"),
        APIField("body"),
        APIField("takeaways"),
        APIField("follow_ups"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("held_on"),
    ]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    @property
    def participating_organisation_names(self) -> list[str]:
        return sorted(organisation.name for organisation in self.participating_organisations.all())

    def with_api_relations(self):
        """This page with its follow-ups' answered takeaways read in one query, not one per follow-up,
        for the open-data API (sakrad/api.py), which serialises the follow-ups as held in memory."""
        self.follow_ups = self.follow_ups.prefetch_related("answers")
        return self

    @property
    def consultation(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from ..reading import minutes_page_details

        context.update(minutes_page_details(page=self))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The same content as a PDF, made once per version of what it shows (minutes/pdf.py)."""
        from ..pdf import pdf_response

        return pdf_response(self, request)
