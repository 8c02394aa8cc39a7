"""Who may send a consultation's evaluation and read its results: its organisers (staff_roles/groups.py).
The attendee's link is its own permission: a valid token answers once, whoever holds it."""

from django.utils import timezone

from sakrad.roles import staff_may

SEND_PERMISSION = "evaluations.add_evaluation"
RESULTS_PERMISSION = "evaluations.view_evaluationanswer"


def can_send_evaluation(*, user, consultation) -> bool:
    return staff_may(user=user, permission=SEND_PERMISSION, page=consultation)


def can_view_evaluation(*, user, consultation) -> bool:
    """The consultation's screen: its results and, to those who may, sending."""
    return staff_may(user=user, permission=RESULTS_PERMISSION, page=consultation)


def can_view_evaluation_years(*, user) -> bool:
    """The year's results, every consultation side by side."""
    return staff_may(user=user, permission=RESULTS_PERMISSION)


def is_held(*, consultation, now=None) -> bool:
    """Only a consultation that has taken place (its end time passed) can be evaluated."""
    return consultation.ends_at <= (now or timezone.now())
