"""Names of the working group's audit-log actions (on the consultation page); labels and messages are
registered in working_groups/wagtail_hooks.py."""

MEMBER_ADD = "sakrad.working_group_member_add"
MEMBER_REMOVE = "sakrad.working_group_member_remove"
COMMENT_ADD = "sakrad.question_comment_add"
COMMENT_RESOLVE = "sakrad.question_comment_resolve"
