"""Names of the audit-log actions; labels and messages are registered in wagtail_hooks.py."""

GROUP_CREATE = "sakrad.breakout_group_create"
MEMBER_ADD = "sakrad.breakout_member_add"
MEMBER_MOVE = "sakrad.breakout_member_move"
MEMBER_REMOVE = "sakrad.breakout_member_remove"
GROUPS_ASSIGN = "sakrad.breakout_groups_assign"
NOTE_TAKING_OPEN = "sakrad.note_taking_open"
NOTE_TAKING_CLOSE = "sakrad.note_taking_close"
