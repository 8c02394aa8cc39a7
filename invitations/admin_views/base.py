"""What every invitation screen shares: the consultation from the URL, and the permission check."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.models import ConsultationPage
from sakrad.admin_guard import AdminGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from ..permissions import can_manage_invitations


def consultation_url(name: str, consultation) -> str:
    return reverse(f"invitations_admin:{name}", args=[consultation.pk])


class ConsultationMixin(AdminGuardMixin):
    """Loads the consultation; staff who may not manage its invitations get a real 403."""

    def allowed(self, request, **kwargs):
        self.consultation = get_object_or_404(ConsultationPage, pk=kwargs["consultation_id"])
        return can_manage_invitations(user=request.user, consultation=self.consultation)

    def url(self, name: str) -> str:
        return consultation_url(name, self.consultation)


class ConsultationAdminMixin(ConsultationMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin):
    """The header every consultation screen shares (sakrad/admin_screens.py); the screens under the
    overview keep a crumb back to it."""

    header_icon = "mail"

    def get_breadcrumbs_items(self):
        *items, screen = super().get_breadcrumbs_items()
        if self.page_title != _("Invitations"):
            items.append({"url": self.url("index"), "label": _("Invitations")})
        return [*items, screen]


class ServiceActionMixin(ConsultationMixin):
    """A POST that calls one service: a rule broken (ValidationError) is shown as a message."""

    http_method_names = ["post"]

    def run(self, action, *, success: str, redirect_to: str):
        try:
            action()
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(self.url("index"))
        messages.success(self.request, success)
        return redirect(redirect_to)


def posted_pk(request, name: str) -> int:
    """The id a form posted (a row's button); anything else is a 404, not a server error."""
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)
