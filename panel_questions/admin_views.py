"""/admin/fragor/<consultation id>/: staff open and close the questions, moderate the queue (who asked
is shown here, to staff only), and answer in writing the questions the panel did not reach. Each
action is POSTed to its own URL; the wall's controls post here too and are sent back (`next`)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .forms import AnswerForm
from .models import PanelQuestion, QuestionStatus
from .permissions import can_moderate_panel_questions
from .selectors import moderation_queue, queue_for, status_counts
from .services import (
    Decision,
    panel_question_answer_publish,
    panel_question_moderate,
    panel_queue_close,
    panel_queue_open,
)


class _Guard(ConsultationGuardMixin):
    may = can_moderate_panel_questions


def _question(request, consultation) -> PanelQuestion:
    """Only a question of this consultation: an id from another one is not found."""
    question_id = request.POST.get("question", "")
    if not question_id.isdigit() or len(question_id) > 18:
        raise Http404
    return get_object_or_404(PanelQuestion, pk=int(question_id), consultation=consultation)


def _back(request, consultation, anchor: str = ""):
    """To the wall or this screen, wherever the action was posted from; nowhere else."""
    index = reverse("panel_questions_admin:index", args=[consultation.pk])
    walls = set()
    for language, _name in settings.LANGUAGES:  # the wall in the language it was shown in
        with translation.override(language):
            walls.add(reverse("breakouts:plenary", args=[consultation.pk]))
    target = request.POST.get("next", "")
    if target not in walls or not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = index
    return redirect(target + anchor)


class PanelQuestionsAdminView(_Guard, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "panel_questions/admin/index.html"
    page_title = gettext_lazy("Questions to the panel")
    header_icon = "help"
    http_method_names = ["get"]

    def get_context_data(self, **kwargs):
        questions = moderation_queue(consultation=self.consultation)
        counts = status_counts(consultation=self.consultation)
        targets = [
            q
            for q in questions
            if q.status in (QuestionStatus.PENDING, QuestionStatus.APPROVED, QuestionStatus.ANSWERING)
        ]
        return super().get_context_data(
            consultation=self.consultation,
            queue=queue_for(consultation=self.consultation),
            questions=questions,
            merge_targets=targets,
            status_rows=[(label, counts[value]) for value, label in QuestionStatus.choices],
            statuses=QuestionStatus,
            decisions=Decision,
            today=timezone.localdate(),
            **kwargs,
        )


class QueueView(_Guard, View):
    """POST only: open or close the questions."""

    http_method_names = ["post"]
    method_first = True

    def post(self, request, consultation_id: int):
        action = request.POST.get("action", "")
        if action == "open":
            panel_queue_open(consultation=self.consultation, user=request.user)
            messages.success(request, _("Questions to the panel are open."))
        elif action == "close":
            count = panel_queue_close(consultation=self.consultation, user=request.user)
            messages.success(
                request,
                ngettext(
                    "Questions to the panel are closed. %(count)d approved question the panel did not reach "
                    "is now on the minutes, to be answered in writing.",
                    "Questions to the panel are closed. %(count)d approved questions the panel did not reach "
                    "are now on the minutes, to be answered in writing.",
                    count,
                )
                % {"count": count},
            )
        else:
            messages.error(request, _("Unknown action."))
        return _back(request, self.consultation)


class ModerateView(_Guard, View):
    """POST only: one decision on one question."""

    http_method_names = ["post"]
    method_first = True

    def post(self, request, consultation_id: int):
        question = _question(request, self.consultation)
        into = None
        if request.POST.get("decision") == Decision.MERGE:
            into_id = request.POST.get("into", "")
            found = (
                PanelQuestion.objects.filter(pk=int(into_id), consultation=self.consultation)
                if into_id.isdigit() and len(into_id) <= 18
                else None
            )
            into = found.first() if found is not None else None
        try:
            panel_question_moderate(
                question=question, decision=request.POST.get("decision", ""), user=request.user, into=into
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The decision has been saved."))
        return _back(request, self.consultation, f"#question-{question.pk}")


class AnswerView(_Guard, View):
    """POST only: the written answer to a question the panel did not reach."""

    http_method_names = ["post"]
    method_first = True

    def post(self, request, consultation_id: int):
        question = _question(request, self.consultation)
        form = AnswerForm(request.POST)
        if not form.is_valid():
            errors = [message for field_errors in form.errors.values() for message in field_errors]
            messages.error(
                request, _("The answer was not published: %(errors)s") % {"errors": " ".join(errors)}
            )
            return _back(request, self.consultation, f"#question-{question.pk}")
        try:
            panel_question_answer_publish(
                question=question,
                answer=form.cleaned_data["answer"],
                date=form.cleaned_data["date"],
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The answer is published with the minutes, and whoever asked is told.")
            )
        return _back(request, self.consultation, f"#question-{question.pk}")


app_name = "panel_questions_admin"
urlpatterns = [
    path("<int:consultation_id>/", PanelQuestionsAdminView.as_view(), name="index"),
    path("<int:consultation_id>/queue/", QueueView.as_view(), name="queue"),
    path("<int:consultation_id>/moderate/", ModerateView.as_view(), name="moderate"),
    path("<int:consultation_id>/answer/", AnswerView.as_view(), name="answer"),
]
