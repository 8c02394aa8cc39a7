"""/inspel/<consultation id>/: anyone may answer the questions while input is open; no account.

The view parses the request, applies the honeypot and the rate limits (they are about the request,
not the answer), and calls the service. Nothing about the sender is stored."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from public_cache.views import public_cache
from sakrad.easy_read import easy_read_render

from .forms import OpenInputForm
from .models import ANSWER_MAX_LENGTH
from .selectors import open_input_state, public_open_input, published_questions
from .services import input_answers_submit
from .throttle import submission_allowed


def _easy_read_url(consultation) -> str:
    if not consultation.has_easy_read_open_input:
        return ""
    return reverse("open_input:easy_read", args=[consultation.pk])


def _page(request, state, form=None, *, status=200):
    return render(
        request,
        "open_input/form.html",
        {
            "consultation": state.period.consultation,
            "period": state.period,
            "state": state,
            "form": form,
            "is_open": state.is_open,
            "answer_max_length": ANSWER_MAX_LENGTH,
            "easy_read_url": _easy_read_url(state.period.consultation),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def open_input_form(request, consultation_id: int):
    state = open_input_state(period=public_open_input(consultation_id=consultation_id))
    if not state.is_open:
        return _page(request, state, status=200 if request.method == "GET" else 403)
    consultation = state.period.consultation
    form = OpenInputForm(request.POST or None, questions=published_questions(consultation=consultation))
    if request.method == "GET" or not form.is_valid():
        return _page(request, state, form)
    if not submission_allowed(request):
        return render(request, "open_input/throttled.html", {"consultation": consultation}, status=429)
    thanks = redirect(reverse("open_input:thanks", args=[consultation.pk]))
    if form.is_spam():
        return thanks  # as if accepted, so a robot learns nothing
    try:
        input_answers_submit(
            consultation=consultation,
            answers=form.answers(),
            organisation_name=form.cleaned_data["organisation_name"],
            age_band=form.cleaned_data["age_band"],
        )
    except ValidationError as error:  # closed or changed between the check and the write
        form.add_error(None, error)
        return _page(request, open_input_state(period=state.period), form)
    return thanks


def open_input_thanks(request, consultation_id: int):
    period = public_open_input(consultation_id=consultation_id)
    return render(request, "open_input/thanks.html", {"consultation": period.consultation, "period": period})


@public_cache
def open_input_easy_read(request, consultation_id: int):
    """The form's easy-to-read version, written on the consultation page (a 404 while there is none)."""
    consultation = public_open_input(consultation_id=consultation_id).consultation
    if not consultation.has_easy_read_open_input:
        raise Http404
    form_url = reverse("open_input:form", args=[consultation.pk])
    return easy_read_render(request, consultation.easy_read_open_input_version(form_url=form_url))
