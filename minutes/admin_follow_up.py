"""/admin/uppfoljning/<minutes id>/: what happened next — each takeaway's status and the follow-ups.

Outside the page editor on purpose: editing the minutes makes a revision, and published minutes then go
through the whole approval again. Here each change is written to its row at once, by staff who may
follow up (minutes/permissions.py), and logged in the page history (minutes/services/follow_up.py).
Views only parse the request and call the services, which check the rights again."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sakrad.admin_guard import AdminGuardMixin

from .forms import FollowUpForm, TakeawayStatusForm
from .models import FollowUp, MinutesPage
from .permissions import can_follow_up
from .reading import ordered_takeaways
from .services.follow_up import follow_up_add, follow_up_delete, follow_up_edit, takeaway_statuses_set


def _numbered_takeaways(minutes) -> list:
    """The published rows (never a draft's revision: statuses and follow-ups answer those), numbered as
    the public minutes number them."""
    takeaways = ordered_takeaways(MinutesPage.objects.get(pk=minutes.pk))
    for number, takeaway in enumerate(takeaways, start=1):
        takeaway.number = number
    return takeaways


class _FollowUpScreen(AdminGuardMixin, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "history"

    def allowed(self, request, **kwargs):
        self.minutes = get_object_or_404(MinutesPage, pk=kwargs["minutes_id"])
        return can_follow_up(user=request.user, minutes=self.minutes)

    @cached_property
    def takeaways(self) -> list:
        return _numbered_takeaways(self.minutes)

    def get_page_subtitle(self):
        return self.minutes.title

    def index_url(self) -> str:
        return reverse("follow_up_admin:index", args=[self.minutes.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            minutes=self.minutes,
            consultation=self.minutes.get_parent(),
            index_url=self.index_url(),
            **kwargs,
        )

    def service_error(self, request, error: ValidationError) -> None:
        messages.error(request, " ".join(error.messages))


class FollowUpIndexView(_FollowUpScreen):
    """GET: the statuses and the follow-ups; POST: the statuses."""

    template_name = "minutes/admin/follow_up.html"
    page_title = gettext_lazy("What happened next")

    def get_context_data(self, **kwargs):
        follow_ups = list(
            FollowUp.objects.filter(page=self.minutes).order_by("-date", "-pk").prefetch_related("answers")
        )
        numbers = {takeaway.pk: takeaway.number for takeaway in self.takeaways}
        for follow_up in follow_ups:
            follow_up.answered = sorted(numbers.get(takeaway.pk, 0) for takeaway in follow_up.answers.all())
        return super().get_context_data(
            status_form=kwargs.pop("status_form", None) or TakeawayStatusForm(takeaways=self.takeaways),
            follow_up_form=kwargs.pop("follow_up_form", None) or FollowUpForm(takeaways=self.takeaways),
            follow_ups=follow_ups,
            **kwargs,
        )

    def post(self, request, minutes_id):
        form = TakeawayStatusForm(request.POST, takeaways=self.takeaways)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(status_form=form))
        try:
            changed = takeaway_statuses_set(
                minutes=self.minutes, statuses=form.statuses(), units=form.units(), user=request.user
            )
        except ValidationError as error:
            self.service_error(request, error)
            return redirect(self.index_url())
        messages.success(
            request,
            _("Status saved for %(count)s takeaways. The public minutes show it now.") % {"count": changed}
            if changed
            else _("No status changed."),
        )
        return redirect(self.index_url())


def _applied(request, form, service, message: str, **target) -> bool:
    """Runs the add or edit service with the form's fields; False leaves the reason on the form."""
    if not form.is_valid():
        return False
    names = ("date", "text", "answers", "answers_status", "kind", "link")
    fields = {name: form.cleaned_data[name] for name in names}
    try:
        service(**target, **fields, user=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    messages.success(request, message)
    return True


class FollowUpAddView(FollowUpIndexView):
    """POST only: a new follow-up (a GET answers 405); a form with errors is shown on the index."""

    http_method_names = ["post"]

    def post(self, request, minutes_id):
        form = FollowUpForm(request.POST, takeaways=self.takeaways)
        if self.minutes.live:
            message = _("The follow-up is published and emailed to those who attended.")
        else:
            message = _("The follow-up is saved. It is shown and emailed when the minutes are published.")
        if _applied(request, form, follow_up_add, message, minutes=self.minutes):
            return redirect(self.index_url())
        return self.render_to_response(self.get_context_data(follow_up_form=form))


class _OneFollowUp(_FollowUpScreen):
    def allowed(self, request, **kwargs):
        self.follow_up = get_object_or_404(FollowUp, pk=kwargs["follow_up_id"], page_id=kwargs["minutes_id"])
        return super().allowed(request, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(follow_up=self.follow_up, **kwargs)


class FollowUpEditView(_OneFollowUp):
    template_name = "minutes/admin/follow_up_edit.html"
    page_title = gettext_lazy("Change a follow-up")

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or FollowUpForm(instance=self.follow_up, takeaways=self.takeaways)
        return super().get_context_data(form=form, **kwargs)

    def post(self, request, minutes_id, follow_up_id):
        form = FollowUpForm(request.POST, instance=self.follow_up, takeaways=self.takeaways)
        message = _("The follow-up is changed. Nobody is emailed again.")
        if _applied(request, form, follow_up_edit, message, follow_up=self.follow_up):
            return redirect(self.index_url())
        return self.render_to_response(self.get_context_data(form=form))


class FollowUpDeleteView(_OneFollowUp):
    """GET asks to confirm; POST removes."""

    template_name = "minutes/admin/follow_up_delete.html"
    page_title = gettext_lazy("Remove a follow-up")

    def post(self, request, minutes_id, follow_up_id):
        follow_up_delete(follow_up=self.follow_up, user=request.user)
        messages.success(request, _("The follow-up is removed from the minutes."))
        return redirect(self.index_url())


app_name = "follow_up_admin"
urlpatterns = [
    path("<int:minutes_id>/", FollowUpIndexView.as_view(), name="index"),
    path("<int:minutes_id>/add/", FollowUpAddView.as_view(), name="add"),
    path("<int:minutes_id>/<int:follow_up_id>/edit/", FollowUpEditView.as_view(), name="edit"),
    path("<int:minutes_id>/<int:follow_up_id>/delete/", FollowUpDeleteView.as_view(), name="delete"),
]
