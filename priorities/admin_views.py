"""/admin/prioritera/<consultation id>/: a consultation's rounds with their results, and start and close
(the same services as the wall's buttons). GET shows; start and close are POSTs."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .forms import StartRoundForm
from .permissions import can_run_rounds
from .selectors import round_open, round_results, rounds_of
from .services import PriorityError, priority_round_close, priority_round_start, votes_per_person_error


def _back(consultation):
    return redirect(reverse("priorities_admin:index", args=[consultation.pk]))


class RoundsView(ConsultationGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView):
    may = can_run_rounds
    page_title = gettext_lazy("Prioritising")
    header_icon = "list-ol"
    template_name = "priorities/admin/rounds.html"

    def get_context_data(self, **kwargs):
        rounds = list(rounds_of(consultation_id=self.consultation.pk))
        return super().get_context_data(
            rounds=[round_results(round=round) for round in rounds],
            open_round=next((round for round in rounds if round.is_open), None),
            start_form=StartRoundForm(),
            wall_url=reverse("breakouts:plenary", args=[self.consultation.pk]),
            **kwargs,
        )


class StartView(ConsultationGuardMixin, View):
    may = can_run_rounds
    http_method_names = ["post"]

    def post(self, request, consultation_id):
        form = StartRoundForm(request.POST)
        if not form.is_valid():
            messages.error(request, votes_per_person_error())
            return _back(self.consultation)
        try:
            priority_round_start(
                consultation=self.consultation,
                user=request.user,
                votes_per_person=form.cleaned_data["votes_per_person"],
            )
        except PriorityError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The round has started. The room can vote now."))
        return _back(self.consultation)


class CloseView(ConsultationGuardMixin, View):
    may = can_run_rounds
    http_method_names = ["post"]

    def post(self, request, consultation_id):
        round = round_open(consultation_id=self.consultation.pk)
        try:
            if round is None:
                raise PriorityError(_("No round is open."), code=PriorityError.CLOSED)
            priority_round_close(round=round, user=request.user)
        except PriorityError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The round is closed. Only the counts are kept."))
        return _back(self.consultation)


app_name = "priorities_admin"
urlpatterns = [
    path("<int:consultation_id>/", RoundsView.as_view(), name="index"),
    path("<int:consultation_id>/start/", StartView.as_view(), name="start"),
    path("<int:consultation_id>/close/", CloseView.as_view(), name="close"),
]
