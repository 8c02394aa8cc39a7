"""The draft page of a consultation's working group: /arbetsgrupp/<consultation id>/.

Only the consultation's own members (and the staff who run it) get it; for anyone else it does not
exist (404). It renders the latest revision, so members see questions staff saved but never published.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from consultations.models import ConsultationPage

from .forms import CommentForm, add_service_error
from .permissions import can_review_draft
from .selectors import draft_review
from .services import WorkingGroupError, question_comment_add


def _posted_number(data) -> int | None:
    try:
        return int(data.get("number", ""))
    except ValueError:
        return None


def _comment_post(request, consultation):
    """Saves the posted comment: a redirect to its question, or the form with its errors."""
    number = _posted_number(request.POST)
    if number is None:
        return HttpResponseBadRequest()
    form = CommentForm(request.POST, number=number)
    if not form.is_valid():
        return form
    text = form.cleaned_data["text"]
    try:
        question_comment_add(consultation=consultation, number=number, text=text, author=request.user)
    except WorkingGroupError as error:
        add_service_error(form, error)
        return form
    message = _("Thank you. Your comment on question %(number)s is saved.") % {"number": number}
    messages.success(request, message)
    return redirect(reverse("working_groups:draft", args=[consultation.pk]) + f"#question-{number}")


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def draft(request, consultation_id: int):
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not can_review_draft(user=request.user, consultation=consultation):
        raise Http404
    bound = None
    if request.method == "POST":
        outcome = _comment_post(request, consultation)
        if isinstance(outcome, HttpResponse):
            return outcome
        bound = outcome
    review = draft_review(consultation=consultation)
    for question in review.questions:
        is_bound = bound is not None and _posted_number(bound.data) == question.number
        question.form = bound if is_bound else CommentForm(number=question.number)
    context = {"review": review, "draft": review.draft, "error_form": bound, "has_errors": bool(bound)}
    return render(request, "working_groups/draft.html", context)
