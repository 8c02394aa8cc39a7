"""`manage.py erase_join_requests`: erase the requests to take part that were declined, or never
confirmed, SAKRAD_JOIN_REQUESTS_KEEP_DAYS ago (docs/organisations.md). Run daily; a second run the
same day finds nothing to do."""

from django.core.management.base import BaseCommand

from join_requests.services import join_requests_prune


class Command(BaseCommand):
    help = "Erases requests to take part that were declined or never confirmed, once their time is up."

    def handle(self, *args, **options):
        erased = join_requests_prune()
        if options["verbosity"]:
            self.stdout.write(f"Erased {erased} requests to take part.")
