"""/admin/inspel/<consultation id>/: staff set the open-input period and moderate the answers.

GET shows the period form, the counts and the queue; the period and each decision are POSTed to
their own URLs. Views only parse the request and call the services."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.models import ConsultationPage
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


def _consultation_for(request, consultation_id):
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not can_moderate_open_input(user=request.user, consultation=consultation):
        raise PermissionDenied
    return consultation


class OpenInputAdminView(ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "open_input/admin/index.html"
    page_title = gettext_lazy("Open input")
    header_icon = "comment"
    http_method_names = ["get"]

    def dispatch(self, request, *args, **kwargs):
        try:
            self.consultation = _consultation_for(request, kwargs["consultation_id"])
        except PermissionDenied as error:
            return permission_denied(request, error)  # a real 403, not Wagtail's bounce
        return super().dispatch(request, *args, **kwargs)


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
            by=request.user,
        )
        messages.success(request, _("The open input period has been saved."))
        return redirect(reverse("open_input_admin:index", args=[self.consultation.pk]))


@require_POST
def moderate(request, consultation_id: int):
    try:
        consultation = _consultation_for(request, consultation_id)
    except PermissionDenied as error:
        return permission_denied(request, error)
    answer_id = request.POST.get("answer", "")
    if not answer_id.isdigit():
        raise Http404
    answer = get_object_or_404(InputAnswer, pk=int(answer_id), consultation=consultation)
    decision = request.POST.get("decision", "")
    try:
        if decision == REDACT:
            input_answer_redact(
                answer=answer,
                phrase=request.POST.get("phrase", ""),
                organisation=request.POST.get("organisation") == "1",
                by=request.user,
            )
        elif decision == ModerationDecision.REMOVE and request.POST.get("confirm") != "1":
            raise ValidationError(
                _("Nothing was removed. Tick the box to confirm that the answer is to be erased for good.")
            )
        else:
            input_answer_moderate(answer=answer, decision=decision, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The decision has been saved."))
    return redirect(reverse("open_input_admin:index", args=[consultation.pk]) + f"#answer-{answer.pk}")


app_name = "open_input_admin"
urlpatterns = [
    path("<int:consultation_id>/", OpenInputAdminView.as_view(), name="index"),
    path("<int:consultation_id>/period/", PeriodSetView.as_view(), name="period"),
    path("<int:consultation_id>/moderate/", moderate, name="moderate"),
]
