"""The "Minutes approval" workflow: one group approval task for the Approvers group.

The same rows as `minutes.services.workflow.minutes_workflow_ensure()` (which the demo calls), built
from the historical models: the Approvers group (admin access, and change and publish permission on
every consultation index that exists yet), the task and the workflow. Idempotent; kept on reverse.
"""

from django.db import migrations

WORKFLOW_NAME = "Minutes approval"
TASK_NAME = "Approval by the head of unit"
APPROVERS_GROUP = "Approvers"
PAGE_PERMISSIONS = {"change_page": "Can change page", "publish_page": "Publish any page"}


def _permission(apps, app_label: str, model: str, codename: str, name: str):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return permission


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    ConsultationIndexPage = apps.get_model("consultations", "ConsultationIndexPage")

    group, _ = Group.objects.get_or_create(name=APPROVERS_GROUP)
    admin_access = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    group.permissions.add(admin_access)
    page_permissions = [
        _permission(apps, "wagtailcore", "page", codename, name)
        for codename, name in PAGE_PERMISSIONS.items()
    ]
    for index in ConsultationIndexPage.objects.all():
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page_id=index.pk, permission=permission)

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=content_type, active=True)
        task.groups.set([group])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        sort_order = WorkflowTask.objects.filter(workflow=workflow).count()
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=sort_order)


class Migration(migrations.Migration):
    dependencies = [
        ("minutes", "0002_minutes_compiled_record"),
        ("consultations", "0002_initial"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_workflow, migrations.RunPython.noop),
    ]
