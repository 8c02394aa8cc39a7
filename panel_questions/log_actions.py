"""Names of the audit-log actions of questions to the panel, logged on the consultation page; labels
and messages are registered in wagtail_hooks.py. The data holds ids and decisions, never a question's
text nor who asked it."""

PANEL_QUEUE_OPEN = "sakrad.panel_queue_open"
PANEL_QUEUE_CLOSE = "sakrad.panel_queue_close"
PANEL_QUESTION_MODERATE = "sakrad.panel_question_moderate"
PANEL_QUESTION_ANSWER = "sakrad.panel_question_answer"
