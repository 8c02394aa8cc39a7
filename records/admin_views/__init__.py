"""/admin/records/: a consultation's registry number and its archive export. The page is GET; the
actions are POST-only (the export is logged, so it is not a GET link)."""

from django.urls import path

from .actions import ArchiveView, RegistryNumberView
from .index import ConsultationRecordView

app_name = "records_admin"
urlpatterns = [
    path("<int:consultation_id>/", ConsultationRecordView.as_view(), name="consultation"),
    path("<int:consultation_id>/registry-number/", RegistryNumberView.as_view(), name="registry_number"),
    path("<int:consultation_id>/archive/", ArchiveView.as_view(), name="archive"),
]
