"""/fragor/<consultation id>/: the phone page of questions to the panel. Attendees ask and support
through plain forms (it works without JavaScript); static/js/panel-questions.js makes the list live
over /ws/panel/<consultation id>. Views parse the request, apply the rate limits, call the services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from breakouts.permissions import can_run_plenary
from consultations.models import ConsultationPage

from .forms import AskForm
from .models import TEXT_MAX_LENGTH, PanelQuestion
from .permissions import PanelRights, can_moderate_panel_questions, panel_rights
from .plenary_wall import wall_context
from .selectors import my_questions, now_answering, queue_for, room_questions
from .services import panel_question_ask, panel_question_support_toggle
from .throttle import ask_allowed, support_allowed

# Lazy: a module constant is read in the language of each request, not of the first import.
TOO_FAST = gettext_lazy("You have sent a lot in a short time. Wait a few minutes, then try again.")


def socket_path(consultation) -> str:
    return f"/ws/panel/{consultation.pk}"


def _consultation(request, consultation_id: int) -> tuple[ConsultationPage, PanelRights]:
    consultation = get_object_or_404(ConsultationPage.objects.live(), pk=consultation_id)
    rights = panel_rights(user=request.user, consultation=consultation)
    if not rights.view:
        raise PermissionDenied
    return consultation, rights


def _live_parts(request, consultation, rights: PanelRights) -> dict:
    """What changes while the room asks: the question being answered and the list."""
    queue = queue_for(consultation=consultation)
    user = request.user
    return {
        "consultation": consultation,
        "queue": queue,
        "is_open": queue is not None and queue.is_open,
        "can_ask": rights.ask,
        "questions": room_questions(consultation=consultation, user=user),
        "answering": now_answering(consultation=consultation),
    }


def _page(request, consultation, rights: PanelRights, form=None, *, status=200):
    user = request.user
    context = _live_parts(request, consultation, rights) | {
        "can_moderate": can_moderate_panel_questions(user=user, consultation=consultation),
        "form": form or AskForm(),
        "mine": my_questions(user=user, consultation=consultation),
        "socket_url": socket_path(consultation),
        "text_max_length": TEXT_MAX_LENGTH,
    }
    return render(request, "panel_questions/phone.html", context, status=status)


def _parts(request, consultation, rights: PanelRights):
    """The live parts alone, for the page's script (static/js/panel-questions.js)."""
    response = render(request, "panel_questions/phone_parts.html", _live_parts(request, consultation, rights))
    patch_vary_headers(response, ["X-Requested-With"])
    return response


@require_http_methods(["GET", "POST"])
@login_required
def phone(request, consultation_id: int):
    consultation, rights = _consultation(request, consultation_id)
    if request.method == "GET":
        if request.headers.get("X-Requested-With") == "fetch":
            return _parts(request, consultation, rights)
        return _page(request, consultation, rights)
    form = AskForm(request.POST)
    if not form.is_valid():
        return _page(request, consultation, rights, form, status=400)
    if not ask_allowed(user_id=request.user.pk):
        form.add_error(None, TOO_FAST)
        return _page(request, consultation, rights, form, status=429)
    try:
        panel_question_ask(consultation=consultation, text=form.cleaned_data["text"], user=request.user)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None if error.code == "closed" else "text", message)
        return _page(request, consultation, rights, form, status=400)
    messages.success(request, _("Thank you. Your question is sent: it is shown once staff have read it."))
    return redirect(reverse("panel_questions:phone", args=[consultation.pk]) + "#mine")


@require_POST
@login_required
def support(request, consultation_id: int):
    consultation, _rights = _consultation(request, consultation_id)
    question_id = request.POST.get("question", "")
    if not question_id.isdigit() or len(question_id) > 18:
        raise Http404
    # Only a question of this consultation: an id from another one is simply not found.
    question = get_object_or_404(PanelQuestion, pk=int(question_id), consultation=consultation)
    back = reverse("panel_questions:phone", args=[consultation.pk]) + f"#question-{question.pk}"
    if not support_allowed(user_id=request.user.pk):
        messages.error(request, TOO_FAST)
        return redirect(back)
    try:
        supported = panel_question_support_toggle(question=question, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("You support the question.") if supported else _("Support taken back."))
    return redirect(back)


@require_GET
@login_required
def wall_fragment(request, consultation_id: int):
    """The wall's panel alone, for the wall's script to swap in when the socket says it changed."""
    consultation = get_object_or_404(ConsultationPage, pk=consultation_id)
    if not can_run_plenary(user=request.user, consultation=consultation):
        raise PermissionDenied
    panel = wall_context(request=request, consultation=consultation)
    return render(request, "panel_questions/wall_panel.html", {"panel": panel})
