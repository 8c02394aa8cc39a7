from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from invitations.services import attendee_needs_erase


class Command(BaseCommand):
    help = (
        "Erase the access and dietary needs of attendees of consultations held at least N days ago "
        "(default: settings.SAKRAD_NEEDS_RETENTION_DAYS). Who attended is kept. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Days after the consultation (default: SAKRAD_NEEDS_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        days = settings.SAKRAD_NEEDS_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        erased = attendee_needs_erase(days=days)
        self.stdout.write(f"Erased the needs of {erased} attendee(s) of consultations held {days}+ days ago.")
