"""`manage.py erase_evaluation_links`: run daily (cron), like erase_attendee_needs."""

from django.core.management.base import BaseCommand

from evaluations.services import LINK_KEEP_DAYS, evaluation_links_erase


class Command(BaseCommand):
    help = f"Erase evaluation links not used {LINK_KEEP_DAYS} days after their evaluation closed."

    def handle(self, *args, **options):
        self.stdout.write(f"Erased {evaluation_links_erase()} unused evaluation links.")
