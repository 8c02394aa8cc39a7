"""The day's attendee list: CSV export, a printable attendance list, and the check-in page."""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from sakrad.spreadsheet import spreadsheet_csv

from ..models import Attendee
from ..permissions import can_view_attendee_needs
from ..services import attendee_check_in
from .base import ConsultationAdminMixin, ConsultationMixin, posted_pk
from .selectors import attendees_coming


def needs_allowed(request, consultation) -> bool:
    return can_view_attendee_needs(user=request.user, consultation=consultation)


class AttendeeExportView(ConsultationMixin, View):
    """CSV of the people coming. Needs (possibly health data) only for those allowed to see them;
    never cached anywhere (no-store), and always a download, never shown inline."""

    http_method_names = ["get"]

    def get(self, request, consultation_id):
        with_needs = needs_allowed(request, self.consultation)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.consultation.slug}-attendees.csv"'
        add_never_cache_headers(response)
        header = [_("Organisation"), _("Name"), _("Email")]
        if with_needs:
            header += [_("Access needs"), _("Dietary needs")]
        rows = []
        for attendee in attendees_coming(consultation=self.consultation):
            row = [attendee.invitation.organisation.name, attendee.name, attendee.email]
            if with_needs:
                row += [attendee.access_needs_text, attendee.dietary_needs]
            rows.append([*row, _("Yes") if attendee.checked_in_at else ""])
        response.write(spreadsheet_csv([*header, _("Checked in")], rows))
        return response


class AttendanceListView(ConsultationMixin, View):
    """A page made for paper: no admin menus, a signature column, a print stylesheet."""

    http_method_names = ["get"]

    def get(self, request, consultation_id):
        context = {
            "consultation": self.consultation,
            "attendees": attendees_coming(consultation=self.consultation),
            "with_needs": needs_allowed(request, self.consultation),
        }
        response = TemplateResponse(request, "invitations/admin/attendance_print.html", context)
        add_never_cache_headers(response)
        return response


class CheckInView(ConsultationAdminMixin, TemplateView):
    """One big button per person; a POST per tap and a redirect back to that person, so it works
    without JavaScript on a phone at the door. ?q= narrows the list by name or organisation."""

    page_title = gettext_lazy("Check-in")
    template_name = "invitations/admin/check_in.html"

    def get_context_data(self, **kwargs):
        search = self.request.GET.get("q", "").strip()
        attendees = list(attendees_coming(consultation=self.consultation, search=search))
        return super().get_context_data(
            attendees=attendees,
            search=search,
            arrived=sum(1 for attendee in attendees if attendee.checked_in_at),
            **kwargs,
        )

    def post(self, request, consultation_id):
        attendee = get_object_or_404(
            Attendee, pk=posted_pk(request, "attendee"), consultation=self.consultation
        )
        attendee_check_in(attendee=attendee, user=request.user, present=request.POST.get("present") == "1")
        query = request.POST.get("q", "")
        target = self.url("check_in") + (f"?{urlencode({'q': query})}" if query else "")
        return redirect(f"{target}#attendee-{attendee.pk}")
