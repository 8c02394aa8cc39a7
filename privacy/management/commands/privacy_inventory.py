from django.core.management.base import BaseCommand

from privacy.docs import DOCS_PATH, docs_with_inventory, inventory_markdown


class Command(BaseCommand):
    help = "Print the personal-data inventory as Markdown, or --write it into docs/privacy.md."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Update the tables in docs/privacy.md.")

    def handle(self, *args, write, **options):
        if not write:
            self.stdout.write(inventory_markdown())
            return
        DOCS_PATH.write_text(docs_with_inventory(DOCS_PATH.read_text(encoding="utf-8")), encoding="utf-8")
        self.stdout.write(f"Updated {DOCS_PATH}")
