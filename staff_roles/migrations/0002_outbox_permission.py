"""The organisers see their consultations' e-mail and retry what failed (outbox): the groups are made
again with exactly their roles' permissions (staff_roles/groups.py)."""

from django.db import migrations

from staff_roles.services import staff_groups_ensure


def staff_groups_update(apps, schema_editor):
    staff_groups_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [("staff_roles", "0001_staff_groups"), ("outbox", "0001_initial")]

    operations = [migrations.RunPython(staff_groups_update, migrations.RunPython.noop)]
