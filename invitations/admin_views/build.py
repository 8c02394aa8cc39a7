"""Building the invitation list: filter the organisation register, tick, add (idempotent service)."""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages

from ..gaps import invitation_gaps
from ..services import invitation_create_many
from .base import ConsultationAdminMixin
from .forms import OrganisationFilterForm, OrganisationPickForm
from .selectors import organisation_candidates, organisation_ids_invited_to


class InvitationBuildView(ConsultationAdminMixin, TemplateView):
    """GET filters (kind, county, theme) and a reused list (pre-ticked); POST adds the ticked ones,
    or with "add all shown" every organisation the filters show. The POST keeps the query string."""

    page_title = gettext_lazy("Add organisations")
    template_name = "invitations/admin/build.html"

    def filter_form(self) -> OrganisationFilterForm:
        return OrganisationFilterForm(self.request.GET or None, consultation=self.consultation)

    def get_context_data(self, **kwargs):
        filter_form = kwargs.pop("filter_form", None) or self.filter_form()
        candidates = kwargs.pop("candidates", None)
        if candidates is None:
            candidates = organisation_candidates(consultation=self.consultation, **filter_form.filters())
        reuse = (
            filter_form.cleaned_data.get("reuse") if filter_form.is_bound and filter_form.is_valid() else None
        )
        initial = {}
        if reuse is not None:
            initial["organisations"] = sorted(organisation_ids_invited_to(consultation=reuse))
        pick_form = kwargs.pop("pick_form", None) or OrganisationPickForm(
            initial=initial, candidates=candidates
        )
        return super().get_context_data(
            filter_form=filter_form,
            pick_form=pick_form,
            reuse=reuse,
            already=len(organisation_ids_invited_to(consultation=self.consultation)),
            gaps=invitation_gaps(consultation=self.consultation),
            **kwargs,
        )

    def post(self, request, consultation_id):
        filter_form = self.filter_form()
        candidates = organisation_candidates(consultation=self.consultation, **filter_form.filters())
        if request.POST.get("add_all"):
            chosen = list(candidates)
        else:
            pick_form = OrganisationPickForm(request.POST, candidates=candidates)
            if not pick_form.is_valid():
                context = self.get_context_data(
                    filter_form=filter_form, pick_form=pick_form, candidates=candidates
                )
                return self.render_to_response(context)
            chosen = list(pick_form.cleaned_data["organisations"])
        if not chosen:
            messages.error(request, _("Tick at least one organisation to add."))
            return redirect(request.get_full_path())
        created = invitation_create_many(
            consultation=self.consultation, organisations=chosen, user=request.user
        )
        messages.success(
            request, _("%(count)s organisations added to the invitation list.") % {"count": len(created)}
        )
        return redirect(self.url("index"))
