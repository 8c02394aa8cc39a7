"""/admin/organisation-import/: upload, columns, preview and confirm, the finished run and its report, and
the register's export. Views parse the request, call the services and selectors, and render."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from sakrad.admin_guard import AdminGuardMixin

from .export import register_csv, register_xlsx
from .forms import ColumnsForm, ExportForm, UploadForm
from .models import ImportRun
from .permissions import can_export_organisations, can_import_organisations
from .planning import KEEP, MERGE
from .reading import UploadRefused
from .report import action_labels, report_csv
from .selectors import organisations_filtered, recent_runs, run_for
from .services import ImportFailed, import_run_confirm, import_run_map, import_run_preview, import_run_start


class Importers(AdminGuardMixin):
    def allowed(self, request, **kwargs):
        return can_import_organisations(user=request.user)


class Exporters(AdminGuardMixin):
    def allowed(self, request, **kwargs):
        return can_export_organisations(user=request.user)


class ImportPage(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Import and export organisations")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        index = {"url": reverse("organisation_import:index"), "label": self.page_title}
        subtitle = self.get_page_subtitle()
        return [*self.breadcrumbs_items, index, *([{"url": "", "label": subtitle}] if subtitle else [])]


class IndexView(Importers, ImportPage):
    template_name = "organisation_import/admin/index.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", UploadForm())
        return super().get_context_data(export_form=ExportForm(), runs=recent_runs(), **kwargs)

    def post(self, request):
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                run = import_run_start(user=request.user, upload=form.cleaned_data["file"])
            except UploadRefused as refusal:
                form.add_error("file", refusal.message)
            else:
                return redirect("organisation_import:columns", run.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RunPage(Importers, ImportPage):
    pending_only = True

    @cached_property
    def run(self) -> ImportRun:
        return run_for(user=self.request.user, pk=self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        if self.pending_only and self.run.status != ImportRun.Status.PENDING:
            return redirect("organisation_import:run", self.run.pk)
        return super().get(request, *args, **kwargs)


class ColumnsView(RunPage):
    template_name = "organisation_import/admin/columns.html"
    page_subtitle = pgettext_lazy("import step", "Columns")

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", ColumnsForm(headers=self.run.headers, initial_columns=self.run.columns))
        return super().get_context_data(run=self.run, **kwargs)

    def post(self, request, pk):
        if self.run.status != ImportRun.Status.PENDING:
            return redirect("organisation_import:run", self.run.pk)
        form = ColumnsForm(request.POST, headers=self.run.headers, initial_columns=self.run.columns)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        import_run_map(run=self.run, user=request.user, columns=form.columns)
        return redirect("organisation_import:preview", self.run.pk)


def _choices(data) -> dict[str, str]:
    """The duplicates' choices posted as duplicate-<line> = merge or keep."""
    prefix = "duplicate-"
    return {
        key[len(prefix) :]: value
        for key, value in data.items()
        if key.startswith(prefix) and value in (MERGE, KEEP)
    }


class PreviewView(RunPage):
    template_name = "organisation_import/admin/preview.html"
    page_subtitle = pgettext_lazy("import step", "Preview")

    def get_context_data(self, **kwargs):
        # The duplicates' choices, shown again with what they change before the one confirm.
        plan = import_run_preview(run=self.run, choices=_choices(self.request.GET))
        return super().get_context_data(
            run=self.run,
            plan=plan,
            counts=plan.counts,
            labels=action_labels(),
            MERGE=MERGE,
            KEEP=KEEP,
            field_labels={header: name for header, name in self.run.columns.items() if name},
            **kwargs,
        )

    def post(self, request, pk):
        if self.run.status != ImportRun.Status.PENDING:
            return redirect("organisation_import:run", self.run.pk)
        choices = _choices(request.POST)
        try:
            run = import_run_confirm(run=self.run, choices=choices)
        except ImportFailed as failure:
            messages.error(request, failure.message)
            return redirect("organisation_import:preview", self.run.pk)
        messages.success(request, _("The import is done."))
        return redirect("organisation_import:run", run.pk)


class RunView(RunPage):
    template_name = "organisation_import/admin/run.html"
    pending_only = False

    def get_page_subtitle(self):
        return timezone.localtime(self.run.started_at).strftime("%Y-%m-%d %H:%M")

    def get(self, request, *args, **kwargs):
        if self.run.status == ImportRun.Status.PENDING:
            return redirect("organisation_import:preview", self.run.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        labels = action_labels()
        counts = [(labels[action], number) for action, number in self.run.counts.items() if action in labels]
        return super().get_context_data(run=self.run, counts=counts, **kwargs)


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ReportView(Importers, View):
    def get(self, request, pk):
        run = run_for(user=request.user, pk=pk)
        if run.status != ImportRun.Status.DONE:
            return redirect("organisation_import:preview", run.pk)
        return _download(report_csv(run), "text/csv; charset=utf-8", f"import-{run.pk}-report.csv")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportView(Exporters, View):
    file_format = "csv"

    def get(self, request):
        form = ExportForm(request.GET)
        filters = form.cleaned_data if form.is_valid() else {}
        organisations = organisations_filtered(
            kind=filters.get("kind", ""), county=filters.get("county", ""), query=filters.get("q", "")
        )
        stamp = timezone.localdate().isoformat()
        if self.file_format == "xlsx":
            return _download(register_xlsx(organisations), XLSX, f"organisations-{stamp}.xlsx")
        return _download(register_csv(organisations), "text/csv; charset=utf-8", f"organisations-{stamp}.csv")


app_name = "organisation_import"
urlpatterns = [
    path("", IndexView.as_view(), name="index"),
    path("<int:pk>/columns/", ColumnsView.as_view(), name="columns"),
    path("<int:pk>/preview/", PreviewView.as_view(), name="preview"),
    path("<int:pk>/", RunView.as_view(), name="run"),
    path("<int:pk>/report.csv", ReportView.as_view(), name="report"),
    path("export.csv", ExportView.as_view(file_format="csv"), name="export_csv"),
    path("export.xlsx", ExportView.as_view(file_format="xlsx"), name="export_xlsx"),
]
