"""/admin/intresseanmalningar/: the confirmed requests to take part, one request's details with its
likely duplicates in the register, and the two decisions. Unconfirmed requests are not there at all.

Views parse the request, call a service or a selector and render."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sakrad.admin_guard import AdminGuardMixin

from .forms import AcceptForm, DeclineForm
from .models import JoinRequest, JoinRequestStatus
from .permissions import can_vet_join_requests
from .selectors import likely_duplicates, likely_duplicates_of, requests_for_staff, status_counts
from .services import join_request_accept, join_request_decline

INDEX_TITLE = gettext_lazy("Requests to take part")


class VetGuard(AdminGuardMixin):
    def allowed(self, request, **kwargs):
        if "pk" in kwargs:
            self.join_request = get_object_or_404(JoinRequest.objects.shown_to_staff(), pk=kwargs["pk"])
        return can_vet_join_requests(user=request.user)


class IndexView(VetGuard, WagtailAdminTemplateMixin, TemplateView):
    page_title = INDEX_TITLE
    header_icon = "group"
    template_name = "join_requests/admin/index.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": INDEX_TITLE}]

    def get_context_data(self, **kwargs):
        status = self.request.GET.get("status", JoinRequestStatus.PENDING)
        if status not in JoinRequestStatus.values or status == JoinRequestStatus.UNCONFIRMED:
            status = JoinRequestStatus.PENDING
        rows = list(requests_for_staff(status=status))
        duplicates = likely_duplicates_of(rows) if status == JoinRequestStatus.PENDING else {}
        counts = status_counts()
        tabs = [
            (value, label, counts[value])
            for value, label in JoinRequestStatus.choices
            if value != JoinRequestStatus.UNCONFIRMED
        ]
        return super().get_context_data(
            rows=[(row, duplicates.get(row.pk, [])) for row in rows],
            tabs=tabs,
            status=status,
            keep_days=settings.SAKRAD_JOIN_REQUESTS_KEEP_DAYS,
            **kwargs,
        )


class DetailView(VetGuard, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "group"
    template_name = "join_requests/admin/detail.html"

    def get_page_title(self):
        return self.join_request.organisation_name

    def get_breadcrumbs_items(self):
        index = {"url": reverse("join_requests_admin:index"), "label": INDEX_TITLE}
        return [*self.breadcrumbs_items, index, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, accept_form=None, decline_form=None, **kwargs):
        join_request = self.join_request
        return super().get_context_data(
            join_request=join_request,
            pending=join_request.status == JoinRequestStatus.PENDING,
            duplicates=likely_duplicates(join_request=join_request),
            accept_form=accept_form or AcceptForm(),
            decline_form=decline_form or DeclineForm(),
            **kwargs,
        )

    def _refused(self, error: ValidationError, **forms):
        for message in error.messages:
            messages.error(self.request, message)
        return self.render_to_response(self.get_context_data(**forms), status=400)

    def _done(self, message: str):
        messages.success(self.request, message)
        return redirect(reverse("join_requests_admin:index"))


class AcceptView(DetailView):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = AcceptForm(request.POST)
        form.is_valid()  # one optional tick: always valid
        try:
            organisation = join_request_accept(
                join_request=self.join_request,
                user=request.user,
                despite_duplicates=form.cleaned_data.get("despite_duplicates", False),
            )
        except ValidationError as error:
            return self._refused(error, accept_form=form)
        return self._done(
            _("%(name)s is added to the register, and the applicant is told by e-mail.")
            % {"name": organisation.name}
        )


class DeclineView(DetailView):
    http_method_names = ["post"]

    def post(self, request, pk):
        form = DeclineForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decline_form=form), status=400)
        try:
            join_request_decline(
                join_request=self.join_request, user=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            return self._refused(error, decline_form=form)
        return self._done(
            _("The request from %(name)s is declined, and the applicant is told why by e-mail.")
            % {"name": self.join_request.organisation_name}
        )


app_name = "join_requests_admin"
urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("<int:pk>/", DetailView.as_view(), name="detail"),
    path("<int:pk>/accept/", AcceptView.as_view(), name="accept"),
    path("<int:pk>/decline/", DeclineView.as_view(), name="decline"),
]
