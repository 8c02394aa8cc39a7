"""/admin/rattelser/<minutes id>/: staff open a review of the draft minutes and decide on suggestions.

GET shows the review; opening, closing and deciding are POSTs. Views only parse the request and call
the services, which check the rights again."""

from __future__ import annotations

from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from minutes.models import MinutesPage
from sakrad.admin_guard import AdminGuardMixin
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


class _MinutesGuard(AdminGuardMixin):
    """The minutes and their consultation; staff who may not edit the consultation get a 403."""

    def allowed(self, request, **kwargs):
        self.minutes = get_object_or_404(MinutesPage, pk=kwargs["minutes_id"])
        self.consultation = self.minutes.get_parent().specific
        return can_manage_corrections(user=request.user, consultation=self.consultation)


def _back(minutes):
    return redirect(reverse("corrections_admin:index", args=[minutes.pk]))


class CorrectionsView(_MinutesGuard, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "corrections/admin/index.html"
    page_title = gettext_lazy("Corrections from attendees")
    header_icon = "comment"

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


class _ActionView(_MinutesGuard, View):
    """A POST on the review, each parsing the form and calling one service."""

    http_method_names = ["post"]
    method_first = True


class OpenRoundView(_ActionView):
    def post(self, request, minutes_id):
        form = OpenRoundForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the date and time when the review closes."))
            return _back(self.minutes)
        try:
            correction_round_open(
                minutes=self.minutes, deadline=form.cleaned_data["deadline"], user=request.user
            )
        except CorrectionError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("The review is open. Each attendee has been emailed a link to the draft.")
            )
        return _back(self.minutes)


class CloseRoundView(_ActionView):
    def post(self, request, minutes_id):
        round = round_latest(minutes_id=self.minutes.pk)
        try:
            if round is None:
                raise CorrectionError(_("The draft is not open for review."), code=CorrectionError.NO_ROUND)
            correction_round_close(round=round, user=request.user)
        except CorrectionError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The review is closed. No more corrections are taken."))
        return _back(self.minutes)


class DecideView(_ActionView):
    def post(self, request, minutes_id):
        form = DecideForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose whether to accept or decline the suggestion."))
            return _back(self.minutes)
        suggestion = get_object_or_404(
            CorrectionSuggestion, pk=form.cleaned_data["suggestion"], round__minutes_id=self.minutes.pk
        )
        try:
            if form.cleaned_data["decision"] == "accept":
                correction_accept(suggestion=suggestion, user=request.user)
                messages.success(
                    request, _("The correction is in the draft. The page history shows the change.")
                )
            else:
                correction_decline(suggestion=suggestion, user=request.user, note=form.cleaned_data["note"])
                messages.success(request, _("The suggestion was declined. The draft is unchanged."))
        except CorrectionError as error:
            messages.error(request, " ".join(error.messages))
        return _back(self.minutes)


app_name = "corrections_admin"
urlpatterns = [
    path("<int:minutes_id>/", CorrectionsView.as_view(), name="index"),
    path("<int:minutes_id>/open/", OpenRoundView.as_view(), name="open"),
    path("<int:minutes_id>/close/", CloseRoundView.as_view(), name="close"),
    path("<int:minutes_id>/decide/", DecideView.as_view(), name="decide"),
]
