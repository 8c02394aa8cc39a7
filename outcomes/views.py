"""/uppfoljning/: the public register of what happened next, each takeaway's page, following one by
e-mail, and the feeds (feeds.py). Views parse the request and call selectors and services.

The list and the takeaway pages are the same for every anonymous reader and carry no form but the
filters (GET), so they are cached (public_cache); asking to follow, confirming and unsubscribing are
forms of their own, never cached.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from public_cache.views import public_cache

from .forms import FollowForm, RegisterFilterForm
from .permissions import can_follow
from .selectors import public_takeaway, register_rows, register_takeaways, register_years, takeaway_details
from .services import follower_confirm, follower_request, follower_unsubscribe
from .throttle import follow_allowed

PAGE_SIZE = 20


@public_cache
@require_safe
def register_index(request):
    form = RegisterFilterForm(request.GET or None, years=register_years())
    takeaways = register_takeaways(**form.filters()).select_related("page")
    page_obj = Paginator(takeaways, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "outcomes/index.html",
        {"form": form, "page_obj": page_obj, "rows": register_rows(page_obj.object_list)},
    )


def _takeaway_or_404(takeaway_id: int):
    takeaway = public_takeaway(takeaway_id=takeaway_id)
    if takeaway is None:
        raise Http404
    return takeaway


@public_cache
@require_safe
def takeaway_page(request, takeaway_id: int):
    takeaway = _takeaway_or_404(takeaway_id)
    return render(request, "outcomes/takeaway.html", takeaway_details(takeaway=takeaway))


@require_http_methods(["GET", "POST"])
def follow(request, takeaway_id: int):
    takeaway = _takeaway_or_404(takeaway_id)
    if not can_follow(user=request.user, takeaway=takeaway):
        raise Http404
    form = FollowForm(request.POST or None)
    context = {"takeaway": takeaway, "form": form}
    if request.method == "GET" or not form.is_valid():
        return render(
            request, "outcomes/follow.html", context, status=200 if request.method == "GET" else 400
        )
    sent = redirect(reverse("outcomes:follow_sent", args=[takeaway.pk]))
    if form.is_spam():
        return sent  # as if accepted, so a robot learns nothing
    if not follow_allowed(request, email=form.cleaned_data["email"]):
        return render(request, "outcomes/throttled.html", context, status=429)
    try:
        follower_request(takeaway=takeaway, email=form.cleaned_data["email"], language=get_language())
    except ValidationError as error:
        form.add_error("email", error)
        return render(request, "outcomes/follow.html", context, status=400)
    return sent


@public_cache
@require_safe
def follow_sent(request, takeaway_id: int):
    return render(request, "outcomes/follow_sent.html", {"takeaway": _takeaway_or_404(takeaway_id)})


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET asks (a mail scanner opening the link confirms nothing); POST confirms."""
    if request.method == "GET":
        return render(request, "outcomes/confirm.html", {"token": token})
    follower = follower_confirm(token=token)
    takeaway = follower and public_takeaway(takeaway_id=follower.takeaway_id)
    status = 200 if follower else 400
    return render(
        request, "outcomes/confirmed.html", {"follower": follower, "takeaway": takeaway}, status=status
    )


@csrf_exempt  # RFC 8058: mail programs POST the one-click unsubscribe with no session; the token is the key
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET shows the one button; POST (the button, or a mail program's List-Unsubscribe-Post) erases."""
    if request.method == "GET":
        return render(request, "outcomes/unsubscribe.html", {"token": token})
    follower_unsubscribe(token=token)
    # The same answer whether or not anything was left to delete: the address is gone either way.
    return render(request, "outcomes/unsubscribed.html", {})
