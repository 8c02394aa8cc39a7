"""The staff groups — Organisers, Approvers, Editors — with exactly their roles' permissions
(staff_roles/groups.py; docs/roles.md), and Wagtail's starting moderation taken away.

Wagtail's migrations make two groups and a workflow: "Editors" (taken over here as ours, with our
permissions), "Moderators" (add, edit, publish, lock anything: no role of the product; deleted) and the
"Moderators approval" workflow on every page, approved by Moderators (deactivated: with its group gone no
one could approve what is submitted to it, and every role that edits pages may publish them). Minutes keep
their own workflow, approved by the Approvers (minutes 0003). Kept on reverse.
"""

from django.db import migrations

from staff_roles.groups import WAGTAIL_MODERATION_WORKFLOW, WAGTAIL_MODERATORS
from staff_roles.services import staff_groups_ensure

IN_PROGRESS, CANCELLED = "in_progress", "cancelled"


def wagtail_moderation_remove(apps):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    TaskState = apps.get_model("wagtailcore", "TaskState")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow in Workflow.objects.filter(name=WAGTAIL_MODERATION_WORKFLOW):
        WorkflowPage.objects.filter(workflow=workflow).delete()
        states = WorkflowState.objects.filter(workflow=workflow, status=IN_PROGRESS)
        TaskState.objects.filter(workflow_state__in=states, status=IN_PROGRESS).update(status=CANCELLED)
        states.update(status=CANCELLED, current_task_state=None)
        Task.objects.filter(workflow_tasks__workflow=workflow).update(active=False)
        workflow.active = False
        workflow.save(update_fields=["active"])
    apps.get_model("auth", "Group").objects.filter(name=WAGTAIL_MODERATORS).delete()


def staff_groups_create(apps, schema_editor):
    wagtail_moderation_remove(apps)
    staff_groups_ensure(apps=apps)


class Migration(migrations.Migration):
    # After every migration that gives groups permissions (Wagtail's own, minutes 0003) and that makes
    # the models whose permissions the roles hold.
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("breakouts", "0002_group_notes_key"),
        ("consultations", "0003_carried_takeaways"),
        ("corrections", "0001_initial"),
        ("invitations", "0004_held_attendee"),
        ("minutes", "0005_takeaway_status"),
        ("open_input", "0001_initial"),
        ("organisations", "0001_initial"),
        ("records", "0001_initial"),
        ("working_groups", "0001_initial"),
    ]

    operations = [migrations.RunPython(staff_groups_create, migrations.RunPython.noop)]
