"""/admin/rattelser/<minutes id>/: staff open a review of the draft minutes and decide on suggestions.

GET shows the review; opening, closing and deciding are POSTs. Views only parse the request and call
the services, which check the rights again."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from minutes.models import MinutesPage
from sakrad.admin_screens import ConsultationScreenMixin

from .forms import DecideForm, OpenRoundForm, default_deadline
from .models import CorrectionSuggestion
from .permissions import can_manage_corrections
from .selectors import review_recipients, round_latest, suggestions_for_staff
from .services import (
    CorrectionError,
    correction_accept,
    correction_decline,
    correction_round_close,
    correction_round_open,
)


def _minutes_for(request, minutes_id):
    """The minutes and their consultation, or a 403 for staff who may not edit the consultation."""
    minutes = get_object_or_404(MinutesPage, pk=minutes_id)
    consultation = minutes.get_parent().specific
    if not can_manage_corrections(user=request.user, consultation=consultation):
        raise PermissionDenied
    return minutes, consultation


def _back(minutes):
    return redirect(reverse("corrections_admin:index", args=[minutes.pk]))


class CorrectionsView(ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "corrections/admin/index.html"
    page_title = gettext_lazy("Corrections from attendees")
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.minutes, self.consultation = _minutes_for(request, kwargs["minutes_id"])
        except PermissionDenied:
            return permission_denied(request, PermissionDenied())  # a real 403, not Wagtail's bounce
        return super().dispatch(request, *args, **kwargs)


    def get_context_data(self, **kwargs):
        round = round_latest(minutes_id=self.minutes.pk)
        draft = self.minutes.get_latest_revision_as_object()
        return super().get_context_data(
            minutes=self.minutes,
            consultation=self.consultation,
            round=round,
            round_open=bool(round and round.is_open()),
            passages=suggestions_for_staff(round=round, draft=draft) if round else [],
            recipient_count=len(review_recipients(consultation=self.consultation)),
            open_form=kwargs.pop("open_form", None)
            or OpenRoundForm(initial={"deadline": default_deadline()}),
            review_url=reverse("corrections:review", args=[self.minutes.pk]),
            **kwargs,
        )


def _guarded(view):
    def wrapper(request, minutes_id):
        try:
            minutes, _consultation = _minutes_for(request, minutes_id)
        except PermissionDenied:
            return permission_denied(request, PermissionDenied())
        return view(request, minutes)

    return require_POST(wrapper)


@_guarded
def open_round(request, minutes):
    form = OpenRoundForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose the date and time when the review closes."))
        return _back(minutes)
    try:
        correction_round_open(minutes=minutes, deadline=form.cleaned_data["deadline"], by=request.user)
    except CorrectionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The review is open. Each attendee has been emailed a link to the draft.")
        )
    return _back(minutes)


@_guarded
def close_round(request, minutes):
    round = round_latest(minutes_id=minutes.pk)
    try:
        if round is None:
            raise CorrectionError(_("The draft is not open for review."), code=CorrectionError.NO_ROUND)
        correction_round_close(round=round, by=request.user)
    except CorrectionError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The review is closed. No more corrections are taken."))
    return _back(minutes)


@_guarded
def decide(request, minutes):
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to accept or decline the suggestion."))
        return _back(minutes)
    suggestion = get_object_or_404(
        CorrectionSuggestion, pk=form.cleaned_data["suggestion"], round__minutes_id=minutes.pk
    )
    try:
        if form.cleaned_data["decision"] == "accept":
            correction_accept(suggestion=suggestion, by=request.user)
            messages.success(request, _("The correction is in the draft. The page history shows the change."))
        else:
            correction_decline(suggestion=suggestion, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, _("The suggestion was declined. The draft is unchanged."))
    except CorrectionError as error:
        messages.error(request, " ".join(error.messages))
    return _back(minutes)


app_name = "corrections_admin"
urlpatterns = [
    path("<int:minutes_id>/", CorrectionsView.as_view(), name="index"),
    path("<int:minutes_id>/open/", open_round, name="open"),
    path("<int:minutes_id>/close/", close_round, name="close"),
    path("<int:minutes_id>/decide/", decide, name="decide"),
]
