"""/admin/organisationsuppgifter/<id>/: an organisation's contact person as staff see it (the pending
new address, whether a link works) and "Send the link". Views parse, call a service or a selector, render."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from organisations.models import ContactLink, Organisation
from sakrad.admin_guard import AdminGuardMixin

from .permissions import can_send_contact_link
from .selectors import pending_email
from .services import contact_link_send


class ContactView(AdminGuardMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Contact person's link")
    header_icon = "mail"
    template_name = "organisation_details/admin/contact.html"
    http_method_names = ["get", "head", "post"]

    def allowed(self, request, **kwargs) -> bool:
        self.organisation = get_object_or_404(Organisation, pk=kwargs["pk"])
        return can_send_contact_link(user=request.user)

    def get_page_subtitle(self):
        return self.organisation.name

    def get_breadcrumbs_items(self):
        listing = {
            "url": reverse("wagtailsnippets_organisations_organisation:list"),
            "label": _("Organisations"),
        }
        edit = {
            "url": reverse("wagtailsnippets_organisations_organisation:edit", args=[self.organisation.pk]),
            "label": self.organisation.name,
        }
        return [*self.breadcrumbs_items, listing, edit, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        link = ContactLink.objects.filter(organisation=self.organisation).first()
        return super().get_context_data(
            organisation=self.organisation,
            link=link,
            pending_email=pending_email(organisation=self.organisation),
            history_url=reverse(
                "wagtailsnippets_organisations_organisation:history", args=[self.organisation.pk]
            ),
            **kwargs,
        )

    def post(self, request, pk):
        try:
            contact_link_send(organisation=self.organisation, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The link is on its way to %(email)s.") % {"email": self.organisation.contact_email},
            )
        return redirect("organisation_details_admin:contact", pk=self.organisation.pk)


app_name = "organisation_details_admin"
urlpatterns = [path("<int:pk>/", ContactView.as_view(), name="contact")]
