"""/admin/inspel/<consultation id>/: staff set the open-input period and moderate the answers.

GET shows the period form, the counts and the queue; the period and each decision are POSTed to
their own URLs. Views only parse the request and call the services."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .forms import OpenInputPeriodForm
from .models import AnswerStatus, InputAnswer
from .permissions import can_moderate_open_input
from .selectors import (
    moderation_queue,
    open_input_period_for,
    open_input_state,
    published_questions,
    received_summary,
    status_counts,
)
from .services import ModerationDecision, input_answer_moderate, input_answer_redact, open_input_period_set

QUEUE_PAGE_SIZE = 50
# Blanking out words is no decision on the answer: its status stays (services/redact.py).
REDACT = "redact"
CONFIRM_REMOVE = gettext_lazy(
    "Nothing was removed. Tick the box to confirm that the answer is to be erased for good."
)


class _ConsultationGuard(ConsultationGuardMixin):
    may = can_moderate_open_input


class OpenInputAdminView(
    _ConsultationGuard, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "open_input/admin/index.html"
    page_title = gettext_lazy("Open input")
    header_icon = "comment"
    http_method_names = ["get"]

    def get_context_data(self, **kwargs):
        period = open_input_period_for(consultation=self.consultation)
        queue = Paginator(moderation_queue(consultation=self.consultation), QUEUE_PAGE_SIZE).get_page(
            self.request.GET.get("p")
        )
        labels = {q.number: str(q) for q in published_questions(consultation=self.consultation)}
        for answer in queue:
            answer.question_label = labels.get(answer.question_number) or _("In general")
        kwargs.setdefault("period_form", OpenInputPeriodForm(instance=period))
        return super().get_context_data(
            consultation=self.consultation,
            period=period,
            state=open_input_state(period=period) if period else None,
            counts=status_counts(consultation=self.consultation),
            received=received_summary(consultation=self.consultation),
            queue=queue,
            statuses=AnswerStatus,
            decisions=ModerationDecision,
            **kwargs,
        )


class PeriodSetView(OpenInputAdminView):
    """POST only: save the period; an invalid form shows the index again with its errors."""

    http_method_names = ["post"]

    def post(self, request, consultation_id: int):
        period = open_input_period_for(consultation=self.consultation)
        form = OpenInputPeriodForm(request.POST, instance=period)
        if not form.is_valid():
            messages.error(request, _("The period could not be saved. Correct the errors below."))
            return self.render_to_response(self.get_context_data(period_form=form))
        open_input_period_set(
            consultation=self.consultation,
            opens_at=form.cleaned_data["opens_at"],
            closes_at=form.cleaned_data["closes_at"],
            intro=form.cleaned_data["intro"],
            user=request.user,
        )
        messages.success(request, _("The open input period has been saved."))
        return redirect(reverse("open_input_admin:index", args=[self.consultation.pk]))


class ModerateView(_ConsultationGuard, View):
    """POST only: one decision on one answer, or words of it blanked out."""

    http_method_names = ["post"]
    method_first = True

    def post(self, request, consultation_id: int):
        answer_id = request.POST.get("answer", "")
        if not answer_id.isdigit():
            raise Http404
        answer = get_object_or_404(InputAnswer, pk=int(answer_id), consultation=self.consultation)
        decision = request.POST.get("decision", "")
        try:
            if decision == REDACT:
                input_answer_redact(
                    answer=answer,
                    phrase=request.POST.get("phrase", ""),
                    organisation=request.POST.get("organisation") == "1",
                    user=request.user,
                )
            elif decision == ModerationDecision.REMOVE and request.POST.get("confirm") != "1":
                raise ValidationError(CONFIRM_REMOVE)
            else:
                input_answer_moderate(answer=answer, decision=decision, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The decision has been saved."))
        index = reverse("open_input_admin:index", args=[self.consultation.pk])
        return redirect(f"{index}#answer-{answer.pk}")


app_name = "open_input_admin"
urlpatterns = [
    path("<int:consultation_id>/", OpenInputAdminView.as_view(), name="index"),
    path("<int:consultation_id>/period/", PeriodSetView.as_view(), name="period"),
    path("<int:consultation_id>/moderate/", ModerateView.as_view(), name="moderate"),
]
