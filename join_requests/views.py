"""/intresseanmalan/: an organisation asks to take part; no account. The view parses the request,
applies the honeypot and the rate limits (they are about the request, not the organisation) and calls
the service. Confirming is a page with one button: a mail scanner opening the link confirms nothing."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe

from public_cache.views import public_cache

from .forms import JoinRequestForm
from .models import JoinRequestStatus
from .services import join_request_confirm, join_request_submit
from .throttle import request_allowed
from .tokens import CONFIRM_DAYS


@require_http_methods(["GET", "POST"])
def join_request_form(request):
    form = JoinRequestForm(request.POST or None)
    if request.method == "GET" or not form.is_valid():
        status = 200 if request.method == "GET" else 400
        context = {"form": form, "days": CONFIRM_DAYS, "keep_days": settings.SAKRAD_JOIN_REQUESTS_KEEP_DAYS}
        return render(request, "join_requests/form.html", context, status=status)
    sent = redirect(reverse("join_requests:sent"))
    if form.is_spam():
        return sent  # as if accepted, so a robot learns nothing
    if not request_allowed(request, email=form.cleaned_data["contact_email"]):
        return render(request, "join_requests/throttled.html", {}, status=429)
    join_request_submit(**form.details())
    return sent


@public_cache
@require_safe
def join_request_sent(request):
    return render(request, "join_requests/sent.html", {"days": CONFIRM_DAYS})


@require_http_methods(["GET", "POST"])
def join_request_confirm_view(request, token: str):
    if request.method == "GET":
        return render(request, "join_requests/confirm.html", {"token": token})
    join_request = join_request_confirm(token=token)
    context = {"join_request": join_request, "days": CONFIRM_DAYS, "pending": JoinRequestStatus.PENDING}
    return render(request, "join_requests/confirmed.html", context, status=200 if join_request else 400)
