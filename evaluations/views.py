"""The attendee's evaluation form, reached by the personal link in the e-mail; no account needed.

A GET only reads (mail scanners open links); only a submitted form uses the link, and the service
looks it up again under a lock."""

from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache

from .choices import COMMENT_MAX_LENGTH
from .forms import AnswerForm
from .selectors import evaluation_for_consultation_id, link_for_token
from .services import EvaluationClosed, LinkInvalid, evaluation_answer


def refused(request, *, consultation_id: int, closed: bool):
    """Closed: the evaluation is over, whatever the link. Otherwise one page for every link that does not
    open a form (forged, mistyped, used, replaced): it tells nobody which, nor whose."""
    evaluation = evaluation_for_consultation_id(consultation_id=consultation_id) if closed else None
    context = {"closed": closed, "evaluation": evaluation}
    return render(request, "evaluations/refused.html", context, status=410 if closed else 404)


@method_decorator(never_cache, name="dispatch")
class AnswerView(View):
    http_method_names = ["get", "head", "post"]

    def get(self, request, consultation_id, token):
        link = link_for_token(consultation_id=consultation_id, token=token)
        if link is None or not link.evaluation.is_open():
            return refused(request, consultation_id=consultation_id, closed=self._closed(consultation_id))
        return self.page(request, evaluation=link.evaluation, form=AnswerForm())

    def post(self, request, consultation_id, token):
        link = link_for_token(consultation_id=consultation_id, token=token)
        if link is None or not link.evaluation.is_open():
            return refused(request, consultation_id=consultation_id, closed=self._closed(consultation_id))
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return self.page(request, evaluation=link.evaluation, form=form, status=400)
        try:
            evaluation_answer(
                consultation_id=consultation_id,
                token=token,
                answers=form.answers(),
                comment=form.cleaned_data["comment"],
            )
        except LinkInvalid:  # used in another tab a moment ago
            return refused(request, consultation_id=consultation_id, closed=False)
        except EvaluationClosed:
            return refused(request, consultation_id=consultation_id, closed=True)
        return HttpResponseRedirect(reverse("evaluations:thanks", args=[consultation_id]))

    def _closed(self, consultation_id) -> bool:
        evaluation = evaluation_for_consultation_id(consultation_id=consultation_id)
        return evaluation is not None and not evaluation.is_open()

    def page(self, request, *, evaluation, form, status=200):
        context = {
            "evaluation": evaluation,
            "consultation": evaluation.consultation,
            "form": form,
            "comment_max_length": COMMENT_MAX_LENGTH,
        }
        return render(request, "evaluations/answer.html", context, status=status)


@never_cache
def thanks(request, consultation_id):
    # The same page for any number: it says nothing about the consultation or whether anyone answered.
    return render(request, "evaluations/thanks.html")
