"""`manage.py outcomes_remind`: the register's daily round (docs/outcomes.md): remind the organisers of
takeaways without a response, and erase follow requests never confirmed. Safe to run any number of
times a day: each reminder goes once per takeaway and period."""

from django.core.management.base import BaseCommand

from outcomes.services import followers_prune, takeaway_reminders_send


class Command(BaseCommand):
    help = "Reminds organisers of takeaways without a response; erases unconfirmed follow requests."

    def handle(self, *args, **options):
        reminded = takeaway_reminders_send()
        erased = followers_prune()
        if options["verbosity"]:
            self.stdout.write(
                f"Reminded of {reminded} takeaways; erased {erased} unconfirmed follow requests."
            )
