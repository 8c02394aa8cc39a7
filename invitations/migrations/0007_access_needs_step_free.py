"""Issue 21: "wheelchair" became "step_free" (step-free access, which a wheelchair is one reason for).
The other stored needs kept their words. Going back renames it again; the needs added with issue 21
(speech-to-text, easy-to-read, material ahead) stay as stored, so nothing a person asked for is lost."""

from django.db import migrations

RENAMED = {"wheelchair": "step_free"}


def _rename(apps, mapping: dict[str, str]) -> int:
    Attendee = apps.get_model("invitations", "Attendee")
    changed = []
    # Read in Python: SQLite has no JSON "contains" lookup, and the rows are few (erased after events).
    for attendee in Attendee.objects.exclude(access_needs=[]).only("pk", "access_needs").iterator():
        needs = [mapping.get(need, need) for need in attendee.access_needs]
        if needs != attendee.access_needs:
            attendee.access_needs = sorted(set(needs))
            changed.append(attendee)
    Attendee.objects.bulk_update(changed, ["access_needs"], batch_size=500)
    return len(changed)


def forwards(apps, schema_editor):
    _rename(apps, RENAMED)


def backwards(apps, schema_editor):
    _rename(apps, {new: old for old, new in RENAMED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("invitations", "0006_delivery_mail"),
    ]

    operations = [
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
