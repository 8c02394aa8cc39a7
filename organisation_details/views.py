"""The contact person's pages: the organisation's details by the personal link (no account needed) or
logged in (from Mina sidor), and the confirmation of a new contact e-mail.

A GET only reads (mail scanners open links); only a submitted form changes anything, through the
services. A link that cannot answer says nothing about whose it was."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache

from organisations.models import Organisation
from organisations.permissions import is_contact_person

from .forms import DetailsForm
from .selectors import LinkState, contact_link_for_token, email_change_for_token, link_state, pending_email
from .services import LinkRefused, contact_email_confirm, organisation_update

REFUSED_STATUS = {LinkState.UNKNOWN: 404, LinkState.EXPIRED: 410}


def refused(request, *, state: LinkState):
    return render(
        request, "organisation_details/refused.html", {"state": state.value}, status=REFUSED_STATUS[state]
    )


def _saved_message(request, outcome) -> None:
    if outcome.changed:
        messages.success(request, _("The organisation's details are saved."))
    if outcome.email_pending:
        messages.info(
            request,
            _(
                "A confirmation link has been sent to %(email)s. The new address is used once it is "
                "confirmed from there."
            )
            % {"email": outcome.email_pending},
        )
    if not outcome.changed and not outcome.email_pending:
        messages.info(request, _("Nothing was changed."))


class DetailsMixin:
    """The form for one organisation; `user` is the account writing, or None by the personal link."""

    http_method_names = ["get", "head", "post"]

    def page(self, request, *, organisation, form=None, status=200):
        pending = pending_email(organisation=organisation)
        if form is None:
            # The address asked for, while it waits: saving the form again asks nothing new of it.
            initial = {"contact_email": pending} if pending else {}
            form = DetailsForm(instance=Organisation.objects.get(pk=organisation.pk), initial=initial)
        context = {"organisation": organisation, "form": form, "pending_email": pending}
        return render(request, "organisation_details/details.html", context, status=status)

    def save(self, request, *, organisation, user):
        form = DetailsForm(request.POST, instance=Organisation.objects.get(pk=organisation.pk))
        if not form.is_valid():
            return self.page(request, organisation=organisation, form=form, status=400)
        outcome = organisation_update(organisation=organisation, user=user, data=form.cleaned_data)
        _saved_message(request, outcome)
        return HttpResponseRedirect(request.path)


@method_decorator(never_cache, name="dispatch")
class DetailsByLinkView(DetailsMixin, View):
    def dispatch(self, request, *args, token, **kwargs):
        self.link = contact_link_for_token(token=token)
        state = link_state(link=self.link)
        if state != LinkState.VALID:
            return refused(request, state=state)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.page(request, organisation=self.link.organisation)

    def post(self, request):
        return self.save(request, organisation=self.link.organisation, user=None)


@method_decorator([never_cache, login_required], name="dispatch")
class MyOrganisationView(DetailsMixin, View):
    def dispatch(self, request, *args, pk, **kwargs):
        self.organisation = get_object_or_404(Organisation, pk=pk)
        if not is_contact_person(user=request.user, organisation=self.organisation):
            raise Http404  # another organisation's page does not admit to existing
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return self.page(request, organisation=self.organisation)

    def post(self, request):
        return self.save(request, organisation=self.organisation, user=request.user)


@method_decorator(never_cache, name="dispatch")
class ConfirmEmailView(View):
    """The new address confirms itself by a button: opening the link (as scanners do) changes nothing."""

    http_method_names = ["get", "head", "post"]

    def get(self, request, token):
        change = email_change_for_token(token=token)
        state = link_state(link=change)
        if state != LinkState.VALID:
            return refused(request, state=state)
        return render(request, "organisation_details/confirm.html", {"change": change})

    def post(self, request, token):
        try:
            organisation = contact_email_confirm(token=token)
        except LinkRefused as error:
            return refused(request, state=error.state)
        return render(request, "organisation_details/confirmed.html", {"organisation": organisation})
