"""`python manage.py seed_demo`: load the demo content; a second run changes nothing."""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError

from demo.services import demo_seed


class Command(BaseCommand):
    help = "Load the demo site, organisations, consultations, minutes and accounts (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today",
            help="Date (YYYY-MM-DD) the upcoming consultations are planned from, if not yet created.",
        )

    def handle(self, *args, today=None, verbosity=1, **options):
        try:
            anchor = dt.date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError(f"--today: {error}") from error
        counts = demo_seed(stdout=self.stdout if verbosity > 1 else None, today=anchor)
        for kind, numbers in sorted(counts.items()):
            self.stdout.write(
                f"{kind:<14} created {numbers['created']:>3}, existing {numbers['existing']:>3}"
            )
        created = sum(numbers["created"] for numbers in counts.values())
        message = f"Demo data: {created} created." if created else "Demo data already in place."
        self.stdout.write(self.style.SUCCESS(message))
