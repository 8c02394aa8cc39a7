from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from public_cache.declarations import affects_public_pages
from sakrad.page_forms import AsciiSlugPageForm

from ..forms import ConsultationFilterForm
from .page import ConsultationPage


@affects_public_pages
class ConsultationIndexPage(Page):
    base_form_class = AsciiSlugPageForm
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["consultations.ConsultationPage"]
    max_count = 1
    page_size = 10
    # The site's chrome (sakrad/site_chrome.py) always has it in the menu, under this label, and
    # names it `chrome.consultation_index` for the templates' links to all consultations.
    site_section = "consultation_index"
    menu_label = _("Consultations")

    class Meta:
        verbose_name = _("consultation index")

    def consultations(self):
        return ConsultationPage.objects.child_of(self).for_listing()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        consultations = self.consultations()
        form = ConsultationFilterForm(request.GET or None, years=consultations.years())
        if form.is_valid():
            consultations = form.filter(consultations)
        page = Paginator(consultations, self.page_size).get_page(request.GET.get("page"))
        context.update(filter_form=form, consultations=page, paginator=page.paginator)
        return context
