"""The approval of minutes: an organiser submits, an approver approves or sends back.

One Wagtail workflow, "Minutes approval", with one group approval task for the Approvers group, is
put on every minutes page as it is created (`minutes_workflow_assign`). Approving publishes the
submitted revision, or schedules it when the organiser set a go-live time: Wagtail's
`publish_scheduled` command, run every minute in production, then publishes it. Wagtail records who
submitted, approved, sent back (with the comment) and published in the page history.

Wagtail still lets anyone with publish permission publish a page directly, and organisers publish
their consultations; for minutes, only approvers (and superusers) may publish: the publish button is
taken away from others and a direct publish is refused (the admin hooks wired in minutes/apps.py).
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

# Stored in English (the name is data, shown in the admin); translated for display by gettext.
WORKFLOW_NAME = "Minutes approval"
TASK_NAME = "Approval by the head of unit"
APPROVERS_GROUP = "Approvers"
# What an approver may do on the consultations (and so their minutes): see and publish them.
APPROVER_PAGE_PERMISSIONS = ("change_page", "publish_page")

# For makemessages: the stored names above, translated where they are shown.
_("Minutes approval")
_("Approval by the head of unit")


def approvers_group_ensure() -> Group:
    """The Approvers group with access to the admin and publish permission on the consultation index."""
    from consultations.models import ConsultationIndexPage

    group, _created = Group.objects.get_or_create(name=APPROVERS_GROUP)
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    group.permissions.add(admin_access)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=APPROVER_PAGE_PERMISSIONS
    )
    for index in ConsultationIndexPage.objects.all():
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=index, permission=permission)
    return group


@transaction.atomic
def minutes_workflow_ensure() -> Workflow:
    """The "Minutes approval" workflow, its task for the Approvers group, and that group: created when
    missing, left as they are otherwise (staff may have renamed or extended them in the admin)."""
    group = approvers_group_ensure()
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
        task.groups.set([group])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    return workflow


def minutes_workflow_assign(*, page) -> None:
    """Puts a minutes page under the minutes approval workflow: its "Submit" goes to the approvers."""
    workflow = minutes_workflow_ensure()
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def can_publish_minutes(*, user) -> bool:
    """Only approvers (and superusers) publish minutes; organisers submit them for approval."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=APPROVERS_GROUP).exists()
