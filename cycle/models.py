import datetime as dt

from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from public_cache.declarations import affects_public_pages
from sakrad.links import absolute_url
from sakrad.page_forms import AsciiSlugPageForm

from .forms import CycleThemeForm
from .selectors import year_overview


@affects_public_pages
class AnnualCyclePage(RoutablePageMixin, Page):
    """The year's page (årscykel): the year's public consultations by month, and the calendar feed."""

    base_form_class = AsciiSlugPageForm

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1
    # The main menu's label, in the interface's language: the page's title is content, in Swedish.
    menu_label = _("Annual cycle")

    class Meta:
        verbose_name = _("annual cycle")

    @path("")
    def current_year_view(self, request):
        return self.year_view(request, timezone.localdate().year)

    @path("<int:year>/", name="year")
    def year_view(self, request, year: int):
        # The date lookups cannot take years outside Python's range: a 404, not a 500.
        if not dt.MINYEAR < year < dt.MAXYEAR:
            raise Http404
        form = CycleThemeForm(request.GET or None)
        theme = form.cleaned_data["theme"] if form.is_valid() else None
        overview = year_overview(year=year, theme=theme)
        query = f"?{urlencode({'theme': theme.slug})}" if theme else ""
        calendar_url = absolute_url(reverse("cycle:calendar"))
        context = {
            **overview,
            "year": year,
            "theme": theme,
            "filter_form": form,
            "previous_year_url": self.year_url(request, overview["previous_year"], query),
            "next_year_url": self.year_url(request, overview["next_year"], query),
            "calendar_url": calendar_url,
            # webcal:// makes a click open the calendar app's "subscribe" dialogue.
            "webcal_url": "webcal://" + calendar_url.split("://", 1)[1],
        }
        return self.render(request, context_overrides=context)

    def year_url(self, request, year: int | None, query: str = "") -> str:
        if year is None:
            return ""
        return self.get_url(request) + self.reverse_subpage("year", args=[year]) + query
