"""How long the register's import takes to read and preview a file of 1,000 rows, and to confirm it:
`.venv/bin/python -m bench.organisation_import` (a Markdown table, for docs/benchmarks.md → "Organisation
import"). The file is the messy one of tests/organisation_import/messy.py, in its three forms.

On a scratch SQLite database with the test settings, migrated into a temporary folder that is removed
afterwards; the developer's own db.sqlite3 is neither read nor changed. The issue's budget: a preview of
1,000 rows in under 5 s. Times are printed, never asserted (tests assert the query count instead).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="sakrad-bench-") as folder:
        os.environ["DJANGO_SETTINGS_MODULE"] = "sakrad.settings.test"
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        os.environ.pop("REDIS_URL", None)
        import django

        django.setup()
        from django.core.files.uploadedfile import SimpleUploadedFile
        from django.core.management import call_command

        from accounts.models import User
        from consultations.models import Theme
        from organisation_import.fields import guess_columns
        from organisation_import.services import (
            import_run_confirm,
            import_run_map,
            import_run_preview,
            import_run_start,
        )
        from organisations.models import Organisation
        from tests.organisation_import.messy import EXISTING, FILES

        print("Migrating a scratch database…", file=sys.stderr)
        call_command("migrate", interactive=False, verbosity=0)
        user = User.objects.create_user(email="bench@example.org", password=None)
        for name in ("Barn och unga", "Demokrati"):
            Theme.objects.create(name=name, slug=name.lower().replace(" ", "-"))
        for name, number, kind, county, website in EXISTING:
            Organisation.objects.create(
                name=name, organisation_number=number, kind=kind, county=county, website=website
            )

        print("| file | read (s) | preview (s) | confirm (s) |")
        print("|---|---|---|---|")
        for label, make in FILES.items():
            filename, data = make()
            started = time.perf_counter()
            run = import_run_start(user=user, upload=SimpleUploadedFile(filename, data))
            read = time.perf_counter() - started
            import_run_map(run=run, user=user, columns=guess_columns(run.headers))
            started = time.perf_counter()
            import_run_preview(run=run)
            preview = time.perf_counter() - started
            confirm = ""
            if label == "utf8-bom-csv":
                started = time.perf_counter()
                import_run_confirm(run=run, choices={})
                confirm = f"{time.perf_counter() - started:.2f}"
            print(f"| {label} | {read:.2f} | {preview:.2f} | {confirm} |")


if __name__ == "__main__":
    main()
