"""The staff view of one consultation's working group."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.models import ConsultationPage
from sakrad.admin_guard import AdminGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from ..forms import MemberAddForm
from ..permissions import can_manage_working_group
from ..selectors import draft_review, members_of


class WorkingGroupIndexView(
    AdminGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "working_groups/admin/index.html"
    page_title = gettext_lazy("Working group")
    header_icon = "group"

    def allowed(self, request, **kwargs):
        self.consultation = self.get_consultation(**kwargs)
        return can_manage_working_group(user=request.user, consultation=self.consultation)

    def get_consultation(self, **kwargs):
        return get_object_or_404(ConsultationPage, pk=kwargs["consultation_id"])

    def get_context_data(self, **kwargs):
        kwargs.setdefault("member_form", MemberAddForm())
        review = draft_review(consultation=self.consultation, with_history=True)
        return super().get_context_data(
            consultation=self.consultation,
            review=review,
            members=members_of(consultation=self.consultation),
            **kwargs,
        )
