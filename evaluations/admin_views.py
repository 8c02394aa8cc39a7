"""/admin/utvardering/: a consultation's evaluation (send, remind, results, CSV) and the year's results.

Views parse the request, call a service or a selector and render."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_guard import AdminGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .export import answers_csv, year_csv
from .forms import SendForm, default_closing_date
from .permissions import can_send_evaluation, can_view_evaluation, can_view_evaluation_years, is_held
from .selectors import (
    MIN_ANSWERS_SHOWN,
    answers_for_export,
    attendee_counts,
    evaluation_of,
    evaluation_results,
    unused_links,
    year_results,
    year_summary,
    years_with_evaluations,
)
from .services import LINK_KEEP_DAYS, evaluation_remind, evaluation_send


class EvaluationView(
    ConsultationGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView
):
    may = can_view_evaluation
    page_title = gettext_lazy("Evaluation")
    header_icon = "tasks"
    template_name = "evaluations/admin/consultation.html"

    def get_context_data(self, form=None, **kwargs):
        evaluation = evaluation_of(consultation=self.consultation)
        may_send = can_send_evaluation(user=self.request.user, consultation=self.consultation)
        if form is None and may_send:
            # The last day it is open: closes_at is the start of the day after (forms.SendForm).
            initial = (
                timezone.localdate(evaluation.closes_at - dt.timedelta(days=1))
                if evaluation
                else default_closing_date()
            )
            form = SendForm(initial={"closes_on": initial})
        return super().get_context_data(
            evaluation=evaluation,
            results=evaluation_results(evaluation=evaluation),
            held=is_held(consultation=self.consultation),
            may_send=may_send,
            form=form,
            counts=attendee_counts(consultation=self.consultation),
            unanswered=unused_links(evaluation=evaluation).count() if evaluation else 0,
            minimum=MIN_ANSWERS_SHOWN,
            link_keep_days=LINK_KEEP_DAYS,
            **kwargs,
        )


class SendView(EvaluationView):
    """Sends (or sends again, to those not mailed yet): POST only; a wrong closing date shows the screen
    again with the error."""

    may = can_send_evaluation
    http_method_names = ["post"]

    def post(self, request, consultation_id):
        form = SendForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        try:
            count = evaluation_send(
                user=request.user,
                consultation=self.consultation,
                closes_at=form.closes_at(),
                include_not_checked_in=form.cleaned_data["include_not_checked_in"],
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _sent_message(count))
        return redirect(reverse("evaluations_admin:consultation", args=[consultation_id]))


def _sent_message(count: int) -> str:
    if not count:
        return _("Everyone who attended has already been sent the evaluation; nobody was sent it twice.")
    return ngettext(
        "The evaluation is on its way to %(count)s attendee.",
        "The evaluation is on its way to %(count)s attendees.",
        count,
    ) % {"count": count}


class RemindView(ConsultationGuardMixin, View):
    may = can_send_evaluation
    http_method_names = ["post"]

    def post(self, request, consultation_id):
        try:
            count = evaluation_remind(user=request.user, consultation=self.consultation)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(
                request,
                ngettext(
                    "A reminder is on its way to %(count)s attendee who has not answered.",
                    "A reminder is on its way to %(count)s attendees who have not answered.",
                    count,
                )
                % {"count": count},
            )
        return redirect(reverse("evaluations_admin:consultation", args=[consultation_id]))


def csv_response(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ConsultationCsvView(ConsultationGuardMixin, View):
    may = can_view_evaluation

    def get(self, request, consultation_id):
        evaluation = evaluation_of(consultation=self.consultation)
        if evaluation is None or not evaluation_results(evaluation=evaluation, with_comments=False).shown:
            raise Http404  # nothing to download: fewer answers than are ever shown
        content = answers_csv(answers=answers_for_export(evaluation=evaluation))
        return csv_response(content, f"evaluation-{consultation_id}.csv")


class YearGuard(AdminGuardMixin):
    def allowed(self, request, **kwargs):
        if not can_view_evaluation_years(user=request.user):
            return False
        year = kwargs.get("year")
        if year is not None and not 1 <= year <= 9999:
            raise Http404
        return True


class YearsPage(YearGuard, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Evaluations")
    header_icon = "tasks"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("evaluations_admin:index"), "label": _("Evaluations")}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_subtitle()}]


class IndexView(YearsPage):
    template_name = "evaluations/admin/index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Evaluations")}]

    def get_context_data(self, **kwargs):
        years = years_with_evaluations()
        return super().get_context_data(summaries=[year_summary(year=year) for year in years], **kwargs)


class YearView(YearsPage):
    template_name = "evaluations/admin/year.html"

    def get_page_subtitle(self):
        return str(self.kwargs["year"])

    def get_context_data(self, **kwargs):
        year = self.kwargs["year"]
        return super().get_context_data(  # `year` is among kwargs already (the URL's)
            lines=year_results(year=year),
            summary=year_summary(year=year),
            minimum=MIN_ANSWERS_SHOWN,
            **kwargs,
        )


class YearCsvView(YearGuard, View):
    def get(self, request, year):
        return csv_response(year_csv(lines=year_results(year=year)), f"evaluations-{year}.csv")


app_name = "evaluations_admin"
urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("ar/<int:year>/", YearView.as_view(), name="year"),
    path("ar/<int:year>/csv/", YearCsvView.as_view(), name="year_csv"),
    path("<int:consultation_id>/", EvaluationView.as_view(), name="consultation"),
    path("<int:consultation_id>/send/", SendView.as_view(), name="send"),
    path("<int:consultation_id>/remind/", RemindView.as_view(), name="remind"),
    path("<int:consultation_id>/csv/", ConsultationCsvView.as_view(), name="csv"),
]
