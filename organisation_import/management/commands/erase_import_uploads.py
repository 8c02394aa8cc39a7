"""`manage.py erase_import_uploads`: run daily (cron), like erase_evaluation_links."""

from django.core.management.base import BaseCommand

from organisation_import.services import import_runs_expire


class Command(BaseCommand):
    help = "Delete organisation imports uploaded more than a day ago and never confirmed, with their rows."

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {import_runs_expire()} unconfirmed organisation imports.")
