from .answer import panel_question_answer_publish
from .ask import panel_question_ask
from .moderate import Decision, panel_question_moderate
from .queue import panel_queue_close, panel_queue_open
from .support import panel_question_support_toggle

__all__ = [
    "Decision",
    "panel_queue_close",
    "panel_queue_open",
    "panel_question_answer_publish",
    "panel_question_ask",
    "panel_question_moderate",
    "panel_question_support_toggle",
]
