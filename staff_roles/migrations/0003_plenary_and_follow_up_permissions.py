"""Issue 20's screens: prioritising at the plenary, questions to the panel, the evaluation and the
public register's follow-up fields; the groups are made again with exactly their roles' permissions
(staff_roles/groups.py)."""

from django.db import migrations

from staff_roles.services import staff_groups_ensure


def staff_groups_update(apps, schema_editor):
    staff_groups_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("staff_roles", "0002_outbox_permission"),
        ("priorities", "0001_initial"),
        ("panel_questions", "0001_initial"),
        ("evaluations", "0001_initial"),
        ("outcomes", "0001_initial"),
    ]

    operations = [migrations.RunPython(staff_groups_update, migrations.RunPython.noop)]
