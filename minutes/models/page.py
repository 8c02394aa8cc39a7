from django import forms
from django.db import models
from django.db.models import OuterRef, Prefetch, Subquery, prefetch_related_objects
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from public_cache.declarations import affects_public_pages
from sakrad.easy_read import EasyReadMixin
from sakrad.page_forms import AsciiSlugPageForm

from ..api import FollowUpsField
from ..blocks import MinutesBodyBlock
from ..pdf import pdf_response
from ..reading import minutes_page_details
from .follow_up import FollowUp
from .takeaway import Takeaway


def _takeaway_ids():
    return Takeaway.objects.only("pk", "page_id")


# What staff call minutes that say nothing else, in either language (casefolded): such a title alone in
# a list of minutes (home, search, feed) would not say whose they are.
BARE_TITLES = frozenset({"minnesanteckningar", "minutes", "anteckningar", "notes"})


def is_bare_title(title: str) -> bool:
    return (title or "").strip(" .:").casefold() in BARE_TITLES


def minutes_listing_title(title: str, consultation_title: str) -> str:
    """`title`, or "title: consultation title" where the title is bare ("Minnesanteckningar")."""
    if consultation_title and is_bare_title(title):
        return f"{title.strip()}: {consultation_title}"
    return title


def consultation_title_of(path: str = "path", depth: str = "depth") -> Subquery:
    """The title of the consultation (the parent page) of the minutes whose tree `path` and `depth`
    the outer query names, for an annotation: no query of its own."""
    parent_path = Substr(OuterRef(path), 1, (OuterRef(depth) - 1) * Page.steplen)
    return Subquery(Page.objects.filter(path=parent_path).values("title")[:1])


class MinutesPageQuerySet(PageQuerySet):
    def with_consultation_title(self):
        """Each minutes page with its consultation's title (`listing_title`), in the same query."""
        return self.annotate(consultation_title=consultation_title_of())


MinutesPageManager = PageManager.from_queryset(MinutesPageQuerySet)


@affects_public_pages
class MinutesPage(EasyReadMixin, Page):
    """The published record of one consultation; statements are never attributed to people or to
    named organisations."""

    base_form_class = AsciiSlugPageForm

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

    objects = MinutesPageManager()

    parent_page_types = ["consultations.ConsultationPage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("held_on"),
                FieldPanel("organiser"),
                # Boxes, not a Ctrl-click list: one stray click there cleared the other 27 choices.
                FieldPanel("participating_organisations", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("The meeting"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        # The one place a takeaway's text is kept (the body's question records show them from here).
        # Their status and the follow-ups are set on the minutes' "What happened next" screen, outside
        # the revisions: a status or a follow-up never sends the published minutes through approval.
        InlinePanel("takeaways", heading=_("Takeaways"), label=_("Takeaway")),
    ]
    # Open data (API v2): the record as published; organisations by name only, as on the page.
    api_fields = [
        APIField("held_on"),
        APIField("organiser"),
        APIField("summary"),
        APIField("participating_organisation_names"),
        APIField("body"),
        APIField("takeaways"),
        APIField("follow_ups", serializer=FollowUpsField()),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("takeaways", [index.SearchField("text")]),
        index.FilterField("held_on"),
        *EasyReadMixin.easy_read_search_fields,
    ]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    @property
    def participating_organisation_names(self) -> list[str]:
        return sorted(organisation.name for organisation in self.participating_organisations.all())

    def with_api_relations(self):
        """This page with its follow-ups and their answered takeaways read in two queries, not one per
        follow-up, for the open-data API (sakrad/api.py, minutes/api.py)."""
        rows = FollowUp.objects.prefetch_related(Prefetch("answers", queryset=_takeaway_ids()))
        prefetch_related_objects([self], Prefetch("follow_ups", queryset=rows))
        return self

    def with_content_json(self, content):
        """The page as a revision holds it, with each takeaway's status as it is now: the status is
        kept on the takeaway's row, outside the revisions (minutes/models/takeaway.py), so neither
        the editor nor publishing an older revision turns a status back."""
        page = super().with_content_json(content)
        current = dict(Takeaway.objects.filter(page_id=self.pk).values_list("pk", "status"))
        for takeaway in page.takeaways.all():
            if takeaway.pk in current:
                takeaway.status = current[takeaway.pk]
        return page

    @property
    def listing_title(self) -> str:
        """The title where minutes are listed among others (home, search, feed): it names the
        consultation, even where staff titled the minutes just "Minutes". Reads the consultation's
        title from `consultation_title` when the query annotated it (MinutesPage.objects's
        `with_consultation_title`), else from the parent page (one query, for a bare title only)."""
        return self._named_with_consultation(self.title)

    def get_admin_display_title(self):
        """In the admin too (the approver's dashboard, the workflow screens), bare minutes are named
        with their consultation: otherwise every one of them reads "Minnesanteckningar"."""
        return self._named_with_consultation(self.draft_title or self.title)

    def _named_with_consultation(self, title: str) -> str:
        if not is_bare_title(title):
            return title  # no parent to read: admin listings call this once per row
        consultation_title = getattr(self, "consultation_title", None)
        if consultation_title is None:
            parent = self.get_parent()
            consultation_title = parent.title if parent else ""
        return minutes_listing_title(title, consultation_title)

    @property
    def consultation(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(minutes_page_details(page=self))
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The same content as a PDF, made once per version of what it shows (minutes/pdf.py)."""
        return pdf_response(self, request)
