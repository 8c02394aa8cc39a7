"""An imported register: a ministry's spreadsheet of organisations (content/register_import.csv, Excel's
"CSV UTF-8" with semicolons) brought in through the import as the organiser would: the columns as
guessed, the duplicates merged as the preview proposes, one confirm. Young people's own associations
and associations formed on an ethnic basis, besides one the register already has (unchanged), a twin
row (merged) and a number whose check digit is wrong (not imported), so the run's report shows each.
Made once: a later seed finds a confirmed import and leaves the register as it is."""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import User
from organisation_import.fields import guess_columns
from organisation_import.models import ImportRun
from organisation_import.services import import_run_confirm, import_run_map, import_run_start

REGISTER_FILE = Path(__file__).parent / "content" / "register_import.csv"
IMPORTED_BY = "organiser@example.org"


def organisation_import_ensure(*, tally) -> None:
    if ImportRun.objects.filter(status=ImportRun.Status.DONE).exists():
        tally.record("organisation import", created=False)
        return
    user = User.objects.get(email=IMPORTED_BY)
    run = import_run_start(
        user=user, upload=SimpleUploadedFile(REGISTER_FILE.name, REGISTER_FILE.read_bytes())
    )
    import_run_map(run=run, user=user, columns=guess_columns(run.headers))
    import_run_confirm(run=run, choices={})
    tally.record("organisation import", created=True, label=REGISTER_FILE.name)
