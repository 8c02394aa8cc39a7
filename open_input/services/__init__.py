from .moderate import ModerationDecision, input_answer_moderate
from .period import open_input_period_set
from .redact import input_answer_redact
from .submit import input_answers_submit

__all__ = [
    "ModerationDecision",
    "input_answer_moderate",
    "input_answer_redact",
    "input_answers_submit",
    "open_input_period_set",
]
