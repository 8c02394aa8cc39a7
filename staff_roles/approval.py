"""What finishing an approval workflow does: publish what was approved (settings:
WAGTAIL_FINISH_WORKFLOW_ACTION).

Wagtail's own finish action publishes as the approver and so asks for their publish permission on the
page, which would make every approver a publisher of every page. Approving the workflow's last task is
the permission here: only the task's groups (the Approvers, for minutes) can approve it, and they hold no
page permission of their own (staff_roles/groups.py).
"""

from __future__ import annotations


def publish_approved(workflow_state, user=None) -> None:
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
