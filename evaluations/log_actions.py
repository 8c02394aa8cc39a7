"""Names of the evaluation's audit-log actions, written on the consultation page so its history shows
them; labels and messages are registered in evaluations/wagtail_hooks.py. None names an attendee."""

EVALUATION_SEND = "sakrad.evaluation_send"
EVALUATION_REMIND = "sakrad.evaluation_remind"
