"""The POST-only actions of the record page; each parses the request and calls one service."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from wagtail.admin import messages

from ..forms import RegistryNumberForm
from ..naming import archive_filename
from ..selectors import record_for
from ..services import RecordError, consultation_archive_build, consultation_record_set
from .index import ConsultationRecordView


class ActionView(ConsultationRecordView):
    http_method_names = ["post"]
    method_first = True


class RegistryNumberView(ActionView):
    def post(self, request, consultation_id):
        form = RegistryNumberForm(request.POST)
        if form.is_valid():
            try:
                record = consultation_record_set(
                    consultation=self.consultation,
                    registry_number=form.cleaned_data["registry_number"],
                    user=request.user,
                )
            except RecordError as error:
                form.add_error("registry_number", error)
            else:
                if record.registry_number:
                    message = _("The registry number is now %(number)s.") % {"number": record.registry_number}
                else:
                    message = _("The registry number has been removed.")
                messages.success(request, message)
                return redirect(reverse("records_admin:consultation", args=[self.consultation.pk]))
        return self.render_to_response(self.get_context_data(form=form))


class ArchiveView(ActionView):
    def post(self, request, consultation_id):
        content = consultation_archive_build(consultation=self.consultation, user=request.user)
        name = archive_filename(
            consultation=self.consultation, record=record_for(consultation=self.consultation)
        )
        response = HttpResponse(content, content_type="application/zip")
        response["Content-Disposition"] = content_disposition_header(True, name)
        response["Cache-Control"] = "no-store"
        return response
