import hashlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from consultations.models import ConsultationPage
from records.naming import archive_filename
from records.selectors import record_for
from records.services import consultation_archive_build


class Command(BaseCommand):
    help = (
        "Write a consultation's archive for the registry (a ZIP with the published minutes as PDF/A, "
        "the invitations, the groups' notes, the follow-ups and a manifest with checksums)."
    )

    def add_arguments(self, parser):
        parser.add_argument("consultation_id", type=int)
        parser.add_argument("--out", default=".", help="Folder to write the ZIP to (default: here).")

    def handle(self, *args, consultation_id, out, **options):
        consultation = ConsultationPage.objects.filter(pk=consultation_id).first()
        if consultation is None:
            raise CommandError(f"No consultation with id {consultation_id}.")
        folder = Path(out)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder.")
        content = consultation_archive_build(consultation=consultation, user=None)
        path = folder / archive_filename(
            consultation=consultation, record=record_for(consultation=consultation)
        )
        path.write_bytes(content)
        self.stdout.write(f"{path}  sha256 {hashlib.sha256(content).hexdigest()}")
