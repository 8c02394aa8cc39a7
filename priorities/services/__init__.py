from .errors import PriorityError, votes_per_person_error
from .rounds import priority_round_close, priority_round_start
from .vote import priority_ballot_cast

__all__ = [
    "PriorityError",
    "priority_ballot_cast",
    "priority_round_close",
    "priority_round_start",
    "votes_per_person_error",
]
