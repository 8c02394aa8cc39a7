"""The approval of minutes: an organiser submits, an approver approves or sends back.

One Wagtail workflow, "Godkännande av minnesanteckningar" (minutes approval), with one group approval
task for the Approvers group, is put on every minutes page as it is created
(`minutes_workflow_assign`). Approving publishes the submitted revision, or schedules it when the
organiser set a go-live time: Wagtail's
`publish_scheduled` command, run every minute in production, then publishes it. Wagtail records who
submitted, approved, sent back (with the comment) and published in the page history.

Wagtail still lets anyone with publish permission publish a page directly, and organisers and editors
publish their pages; for minutes, only approvers (and superusers) may publish: the publish button is
taken away from others and a direct publish is refused (minutes/permissions.py: can_publish_minutes,
asked by the admin hooks in minutes/wagtail_hooks.py).
Approvers hold no page permission (staff_roles/groups.py), so in practice they publish minutes only by
approving them.
"""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Workflow, WorkflowPage, WorkflowTask

from staff_roles.services import approval_task_ensure

# Stored in Swedish (minutes 0007): Wagtail's admin shows it as stored, inside its own sentences. Its
# one task, and who approves in it, are the staff roles' (staff_roles/groups.py: APPROVAL_TASK).
WORKFLOW_NAME = "Godkännande av minnesanteckningar"


@transaction.atomic
def minutes_workflow_ensure() -> Workflow:
    """The minutes approval workflow, with the staff roles' approval task for the Approvers group (admin
    access and this task, no page permission: the task opens the submitted draft to them): created when
    missing, left as they are otherwise (staff may have renamed or extended them in the admin)."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = approval_task_ensure()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    return workflow


def minutes_workflow_assign(*, page) -> None:
    """Puts a minutes page under the minutes approval workflow: its "Submit" goes to the approvers."""
    workflow = minutes_workflow_ensure()
    WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})

