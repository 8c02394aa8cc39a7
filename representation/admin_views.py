"""/admin/representation/: the years, a year's overview and one consultation's, each also as CSV.

Views parse the request, read through the selectors and render; the figures are built elsewhere."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.models import ConsultationPage
from evaluations.selectors import year_summary
from sakrad.admin_guard import AdminGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .export import figures_csv
from .overview import overview_context
from .permissions import can_view_representation
from .selectors import consultation_line, consultations_in_year, figures_for, years_with_consultations


class StaffOnly(AdminGuardMixin):
    def allowed(self, request, **kwargs):
        if not can_view_representation(user=request.user):
            return False
        year = kwargs.get("year")
        if year is not None and not 1 <= year <= 9999:
            raise Http404
        return True


class RepresentationPage(StaffOnly, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Representation")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("representation_admin:index"), "label": _("Representation")}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_subtitle()}]


class IndexView(RepresentationPage):
    template_name = "representation/admin/index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Representation")}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(years=years_with_consultations(), **kwargs)


class YearView(RepresentationPage):
    template_name = "representation/admin/year.html"

    def get_page_subtitle(self):
        return str(self.kwargs["year"])

    def get_context_data(self, **kwargs):
        consultations = consultations_in_year(self.kwargs["year"])
        figures = figures_for(consultations)
        return super().get_context_data(
            consultations=[(line, figures.by_consultation.get(line.pk)) for line in consultations],
            csv_url=reverse("representation_admin:year_csv", args=[self.kwargs["year"]]),
            # The attendees' evaluations of the year: the staff's year overview shows them beside who came.
            evaluation_summary=year_summary(year=self.kwargs["year"]),
            **overview_context(figures),
            **kwargs,
        )


class ConsultationView(ConsultationScreenMixin, RepresentationPage):
    template_name = "representation/admin/consultation.html"

    @cached_property
    def consultation(self) -> ConsultationPage:
        return get_object_or_404(ConsultationPage, pk=self.kwargs["consultation_id"])

    def get_context_data(self, **kwargs):
        figures = figures_for([consultation_line(self.consultation)])
        return super().get_context_data(
            consultation=self.consultation,
            csv_url=reverse("representation_admin:consultation_csv", args=[self.consultation.pk]),
            **overview_context(figures),
            **kwargs,
        )


def csv_response(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class YearCsvView(StaffOnly, View):
    def get(self, request, year):
        figures = figures_for(consultations_in_year(year))
        return csv_response(figures_csv(figures), f"representation-{year}.csv")


class ConsultationCsvView(StaffOnly, View):
    def get(self, request, consultation_id):
        consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
        figures = figures_for([consultation_line(consultation)])
        return csv_response(figures_csv(figures), f"representation-consultation-{consultation.pk}.csv")


app_name = "representation_admin"
urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("<int:year>/", YearView.as_view(), name="year"),
    path("<int:year>/csv/", YearCsvView.as_view(), name="year_csv"),
    path("consultation/<int:consultation_id>/", ConsultationView.as_view(), name="consultation"),
    path("consultation/<int:consultation_id>/csv/", ConsultationCsvView.as_view(), name="consultation_csv"),
]
