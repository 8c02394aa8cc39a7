"""The staff page of one consultation's record: registry number form, what the archive holds, last export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from ..forms import RegistryNumberForm
from ..permissions import can_manage_records
from ..selectors import published_minutes, record_for


class ConsultationRecordView(
    ConsultationGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "records/admin/consultation.html"
    page_title = gettext_lazy("Registry and archive")
    header_icon = "folder-open-inverse"

    may = can_manage_records

    def get_context_data(self, **kwargs):
        record = record_for(consultation=self.consultation)
        number = record.registry_number if record else ""
        kwargs.setdefault("form", RegistryNumberForm(initial={"registry_number": number}))
        return super().get_context_data(
            consultation=self.consultation,
            record=record,
            minutes=published_minutes(consultation=self.consultation),
            **kwargs,
        )
