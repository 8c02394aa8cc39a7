"""The approval of minutes: an organiser submits, an approver approves or sends back.

One Wagtail workflow, "Godkännande av minnesanteckningar" (minutes approval), with one group approval
task for the Approvers group, is put on every minutes page as it is created
(`minutes_workflow_assign`). Approving publishes the submitted revision, or schedules it when the
organiser set a go-live time: Wagtail's
`publish_scheduled` command, run every minute in production, then publishes it. Wagtail records who
submitted, approved, sent back (with the comment) and published in the page history.

Wagtail still lets anyone with publish permission publish a page directly, and organisers and editors
publish their pages; for minutes, only approvers (and superusers) may publish: the publish button is
taken away from others and a direct publish is refused (the admin hooks wired in minutes/apps.py).
Approvers hold no page permission (staff_roles/groups.py), so in practice they publish minutes only by
approving them.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from staff_roles.groups import APPROVERS
from staff_roles.services import staff_group

# Stored in Swedish (minutes 0007): Wagtail's admin shows them as stored, inside its own sentences.
WORKFLOW_NAME = "Godkännande av minnesanteckningar"
TASK_NAME = "Godkännande av enhetschef"
APPROVERS_GROUP = APPROVERS


def approvers_group_ensure() -> Group:
    """The Approvers group as the staff roles define it (staff_roles/groups.py): admin access and this
    workflow's task, no page permission (the task opens the submitted draft to them)."""
    return staff_group(APPROVERS)


@transaction.atomic
def minutes_workflow_ensure() -> Workflow:
    """The minutes approval workflow, its task for the Approvers group, and that group: created when
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
