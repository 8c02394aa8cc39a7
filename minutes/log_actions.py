"""Names of the minutes' own audit-log actions; the compile action's label and message are registered
in minutes/wagtail_hooks.py."""

MINUTES_COMPILE = "sakrad.minutes_compile"

# What happened next, outside the minutes' revisions (minutes/services/follow_up.py); labels and
# messages in minutes/wagtail_hooks.py.
TAKEAWAY_STATUS = "sakrad.takeaway_status"
TAKEAWAY_UNIT = "sakrad.takeaway_unit"
FOLLOW_UP_ADD = "sakrad.follow_up_add"
FOLLOW_UP_EDIT = "sakrad.follow_up_edit"
FOLLOW_UP_DELETE = "sakrad.follow_up_delete"
