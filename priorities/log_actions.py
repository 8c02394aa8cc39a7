"""Names of the prioritisation's audit-log actions, written on the consultation page so its history shows
them; labels and messages are registered in priorities/wagtail_hooks.py. Votes are never logged."""

PRIORITY_ROUND_START = "sakrad.priority_round_start"
PRIORITY_ROUND_CLOSE = "sakrad.priority_round_close"
