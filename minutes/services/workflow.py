"""The approval of minutes: an organiser submits, an approver approves or sends back."""

from __future__ import annotations


def minutes_workflow_assign(*, page) -> None:
    """Puts a new minutes page under the minutes approval workflow (completed by the workflow work)."""
