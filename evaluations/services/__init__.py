from .answer import evaluation_answer
from .erase import LINK_KEEP_DAYS, evaluation_links_erase
from .errors import EvaluationClosed, LinkInvalid
from .send import evaluation_remind, evaluation_send

__all__ = [
    "LINK_KEEP_DAYS",
    "EvaluationClosed",
    "LinkInvalid",
    "evaluation_answer",
    "evaluation_links_erase",
    "evaluation_remind",
    "evaluation_send",
]
