"""The minutes' workflow and its task get Swedish names: Wagtail's admin shows them as stored, inside its
own sentences ("Lämna in till <workflow>", "Skicka om till <task>") and in every workflow list, and the
English ones read as untranslated text in the Swedish interface. Renamed only while they still have the
names minutes 0003 gave them: staff may have renamed them since. Reversible.

After staff_roles 0001, which finds the task by the name in staff_roles/groups.py (APPROVAL_TASK).
"""

from django.db import migrations

NAMES = {
    # model: (the name minutes 0003 gave, the Swedish name)
    "Workflow": ("Minutes approval", "Godkännande av minnesanteckningar"),
    "GroupApprovalTask": ("Approval by the head of unit", "Godkännande av enhetschef"),
}


def _rename(apps, old_index: int, new_index: int) -> None:
    for model, names in NAMES.items():
        apps.get_model("wagtailcore", model).objects.filter(name=names[old_index]).update(
            name=names[new_index]
        )


def to_swedish(apps, schema_editor):
    _rename(apps, 0, 1)


def to_english(apps, schema_editor):
    _rename(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0006_one_record_of_a_takeaway"),
        ("staff_roles", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(to_swedish, to_english)]
