"""/admin/consultations/<id>/duplicate/: copy a consultation as the start of the next one.

GET says what is copied and what is not; POST makes the copy and opens it in the editor. Views only
parse the request and call the service. The address and its name stay the consultations' (under
/admin/consultations/, "consultations_admin:duplicate"): it is a consultation's screen."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .carry_over import takeaways_for_copy
from .permissions import can_copy_invitation_list, can_duplicate_consultation
from .services import consultation_duplicate, next_year_date


class DuplicateConsultationView(
    ConsultationGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "cycle/admin/duplicate.html"
    page_title = gettext_lazy("Duplicate as next consultation")
    header_icon = "copy"

    may = can_duplicate_consultation

    def get_context_data(self, **kwargs):
        new_date = next_year_date(self.consultation.get_latest_revision_as_object().date)
        return super().get_context_data(
            consultation=self.consultation,
            new_date=new_date,
            copies_invitations=can_copy_invitation_list(
                user=self.request.user, consultation=self.consultation
            ),
            invitation_count=self.consultation.invitations.count(),
            takeaway_count=takeaways_for_copy(source=self.consultation, date=new_date).count(),
            **kwargs,
        )

    def post(self, request, consultation_id):
        copy = consultation_duplicate(consultation=self.consultation, user=request.user)
        messages.warning(
            request,
            _(
                "A draft copy has been made. Its date is set to %(date)s as a placeholder: set the real "
                "date and times, and the registration dates, before you publish it."
            )
            % {"date": date_format(copy.date)},
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[copy.pk]))


app_name = "consultations_admin"
urlpatterns = [
    path("<int:consultation_id>/duplicate/", DuplicateConsultationView.as_view(), name="duplicate"),
]
