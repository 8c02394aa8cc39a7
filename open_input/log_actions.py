"""Names of open input's audit-log actions, logged on the consultation page; labels and messages are
registered in open_input/wagtail_hooks.py. The data holds ids and decisions, never an answer's text."""

OPEN_INPUT_PERIOD_SET = "sakrad.open_input_period_set"
OPEN_INPUT_MODERATE = "sakrad.open_input_moderate"
