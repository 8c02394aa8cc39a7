"""`manage.py erase_contact_links`: run daily (cron), like erase_evaluation_links."""

from django.core.management.base import BaseCommand

from organisation_details.periods import CONFIRM_DAYS, LINK_DAYS
from organisation_details.services import contact_links_erase


class Command(BaseCommand):
    help = (
        f"Erase organisations' personal links after {LINK_DAYS} days and new contact e-mails not "
        f"confirmed within {CONFIRM_DAYS} days."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Erased {contact_links_erase()} expired contact links and unconfirmed e-mails.")
