"""The phone page (/prioritera/<consultation id>/: see the round, vote once) and the wall's two actions
(start, close), each a plain form POST that works without JavaScript. Views parse the request and call
the services, which check the rights again."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from consultations.models import ConsultationPage

from .forms import StartRoundForm, posted_ids
from .permissions import can_run_rounds, can_view_vote_page, can_vote
from .selectors import has_voted, round_last_closed, round_open, round_results
from .services import (
    PriorityError,
    priority_ballot_cast,
    priority_round_close,
    priority_round_start,
    votes_per_person_error,
)
from .throttle import ballot_post_allowed


def vote_url(consultation) -> str:
    return reverse("priorities:vote", args=[consultation.pk])


def _page(request, consultation, *, errors=(), chosen=(), status=200):
    round = round_open(consultation_id=consultation.pk)
    may_vote = can_vote(user=request.user, consultation=consultation)
    closed = None if round else round_last_closed(consultation_id=consultation.pk)
    context = {
        "consultation": consultation,
        "round": round,
        "results": round_results(round=closed) if closed else None,  # counts only once voting is over
        "may_vote": may_vote,
        "voted": bool(round and may_vote and has_voted(round=round, user=request.user)),
        "errors": list(errors),
        "chosen": set(chosen),
    }
    return render(request, "priorities/vote.html", context, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def vote(request, consultation_id: int):
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not can_view_vote_page(user=request.user, consultation=consultation):
        raise PermissionDenied
    if request.method == "GET":
        return _page(request, consultation)
    if not can_vote(user=request.user, consultation=consultation):
        raise PermissionDenied
    if not ballot_post_allowed(user_id=request.user.pk):
        return _page(
            request, consultation, errors=[_("Too many tries. Wait a minute and try again.")], status=429
        )
    ids = posted_ids(request.POST.getlist("option"))
    round = round_open(consultation_id=consultation.pk)
    if ids is None:
        return _page(
            request, consultation, errors=[_("Your choice could not be read. Choose again.")], status=400
        )
    if round is None or request.POST.get("round") != str(round.pk):
        error = _("This round has closed: your votes were not counted.")
        return _page(request, consultation, errors=[error], status=409)
    try:
        priority_ballot_cast(round=round, user=request.user, option_ids=ids)
    except PriorityError as error:
        return _page(request, consultation, errors=error.messages, chosen=ids, status=400)
    messages.success(request, _("Thank you: your votes are counted."))
    return redirect(vote_url(consultation))


def _wall(consultation):
    return redirect(reverse("breakouts:plenary", args=[consultation.pk]) + "#priorities")


@require_POST
@login_required
def start(request, consultation_id: int):
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not can_run_rounds(user=request.user, consultation=consultation):
        raise PermissionDenied
    form = StartRoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, votes_per_person_error())
        return _wall(consultation)
    try:
        priority_round_start(
            consultation=consultation,
            user=request.user,
            votes_per_person=form.cleaned_data["votes_per_person"],
        )
    except PriorityError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The round has started. The room can vote now."))
    return _wall(consultation)


@require_POST
@login_required
def close(request, consultation_id: int):
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not can_run_rounds(user=request.user, consultation=consultation):
        raise PermissionDenied
    round = round_open(consultation_id=consultation.pk)
    try:
        if round is None:
            raise PriorityError(_("No round is open."), code=PriorityError.CLOSED)
        priority_round_close(round=round, user=request.user)
    except PriorityError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The round is closed. Only the counts are kept."))
    return _wall(consultation)
