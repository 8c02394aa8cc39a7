"""/admin/minutes/compile/<consultation id>/: compile a consultation's minutes draft from its notes.

GET explains what will happen; POST compiles. A draft staff have edited since it was compiled is
replaced only after a second confirmation. Views only parse the request and call the service."""

from __future__ import annotations

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from consultations.admin_guard import ConsultationGuardMixin
from sakrad.admin_screens import ConsultationScreenMixin

from .models import MinutesPage
from .permissions import can_compile_minutes
from .selectors import note_taking_for
from .services.compile import MinutesCompileError, minutes_compile, minutes_draft_edited


class CompileMinutesView(
    ConsultationGuardMixin, ConsultationScreenMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "minutes/admin/compile.html"
    page_title = gettext_lazy("Compile minutes")
    header_icon = "doc-full"

    may = can_compile_minutes

    def get_context_data(self, **kwargs):
        draft = MinutesPage.objects.child_of(self.consultation).first()
        return super().get_context_data(
            consultation=self.consultation,
            draft=draft,
            draft_edited=bool(draft and not draft.live and minutes_draft_edited(draft)),
            note_taking=note_taking_for(consultation=self.consultation),
            confirm_overwrite=kwargs.pop("confirm_overwrite", False),
            **kwargs,
        )

    def post(self, request, consultation_id):
        overwrite = request.POST.get("overwrite") == "1"
        try:
            page = minutes_compile(consultation=self.consultation, user=request.user, overwrite=overwrite)
        except MinutesCompileError as error:
            message = " ".join(error.messages)
            if error.code == MinutesCompileError.EDITED:
                messages.warning(request, message)
                return self.render_to_response(self.get_context_data(confirm_overwrite=True))
            messages.error(request, message)
            return redirect(reverse("minutes_admin:compile", args=[self.consultation.pk]))
        messages.success(
            request, _("The minutes draft has been compiled. Edit it, then submit it for approval.")
        )
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))


app_name = "minutes_admin"
urlpatterns = [path("compile/<int:consultation_id>/", CompileMinutesView.as_view(), name="compile")]
