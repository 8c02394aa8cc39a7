"""Organisers may translate a page ("Translate", wagtail.contrib.simple_translation; docs/languages.md);
the groups are made again with exactly their roles' permissions (staff_roles/groups.py)."""

from django.db import migrations

from staff_roles.services import staff_groups_ensure


def staff_groups_update(apps, schema_editor):
    staff_groups_ensure(apps=apps)


class Migration(migrations.Migration):
    dependencies = [
        ("staff_roles", "0003_plenary_and_follow_up_permissions"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(staff_groups_update, migrations.RunPython.noop)]
