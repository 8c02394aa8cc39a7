"""Names of the corrections' audit-log actions, written on the minutes page so its history shows them;
labels and messages are registered in corrections/wagtail_hooks.py."""

CORRECTION_ROUND_OPEN = "sakrad.correction_round_open"
CORRECTION_ROUND_CLOSE = "sakrad.correction_round_close"
CORRECTION_ACCEPT = "sakrad.correction_accept"
CORRECTION_DECLINE = "sakrad.correction_decline"
