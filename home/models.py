from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Site
from wagtail.search import index

from consultations.blocks import BodyBlock
from consultations.models import ConsultationPage
from public_cache.declarations import affects_public_pages
from sakrad.page_forms import AsciiSlugPageForm

from . import accessibility_statement
from .front_page import front_page_lists
from .site_settings import SiteSettings


@affects_public_pages
class HomePage(Page):
    base_form_class = AsciiSlugPageForm
    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["consultations.ConsultationIndexPage", "home.StandardPage", "cycle.AnnualCyclePage"]
    max_count = 1
    listing_size = 3

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    class Meta:
        verbose_name = _("home page")

    def is_translation_for(self, request) -> bool:
        """A minority language's front page (docs/languages.md): not the site's root but its
        translation, whose pages are translations; the consultations and minutes stay on the Swedish
        one. The site is cached on the request: no query."""
        site = Site.find_for_request(request)
        return site is not None and site.root_page_id != self.pk

    def get_template(self, request, *args, **kwargs):
        if self.is_translation_for(request):
            return "home/home_page_translation.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.is_translation_for(request):
            context["pages"] = self.get_children().live().public().specific()
            return context
        context["upcoming"] = list(
            ConsultationPage.objects.descendant_of(self)
            .upcoming()
            .prefetch_related("themes")[: self.listing_size]
        )
        # The recent minutes, from the apps above home that register a list (home/front_page.py).
        context.update(front_page_lists(under=self, size=self.listing_size))
        return context


@affects_public_pages
class StandardPage(Page):
    base_form_class = AsciiSlugPageForm
    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The page the site settings name as the accessibility statement says what the law asks of it.
        if SiteSettings.for_request(request).accessibility_statement_id == self.pk:
            context.update(
                known_gaps=accessibility_statement.KNOWN_GAPS,
                supervisor=accessibility_statement.SUPERVISOR,
                supervisor_report_url=accessibility_statement.SUPERVISOR_REPORT_URL,
                is_accessibility_statement=True,
            )
        return context
