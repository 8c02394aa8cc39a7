"""Who runs a prioritisation round and who votes in it (views, services and the wall's socket alike).

A voter takes part in the consultation's plenary (`breakouts.selectors.in_the_room`: the same rule as
for questions to the panel). Staff run the round and do not vote.
"""

from __future__ import annotations

from breakouts.permissions import can_run_plenary
from breakouts.selectors import takes_part_in_plenary
from sakrad.roles import staff_may

# Starting and closing a round; the organisers hold it (staff_roles/groups.py).
MANAGE_PERMISSION = "priorities.change_priorityround"


def can_run_rounds(*, user, consultation) -> bool:
    """Those who run the plenary wall, with the round's own permission on top."""
    return can_run_plenary(user=user, consultation=consultation) and staff_may(
        user=user, permission=MANAGE_PERMISSION, page=consultation
    )


def can_vote(*, user, consultation) -> bool:
    return takes_part_in_plenary(user=user, consultation=consultation)


def can_view_vote_page(*, user, consultation) -> bool:
    """The attendees, and the staff who run the round (to see what the phones show)."""
    return can_vote(user=user, consultation=consultation) or can_run_rounds(
        user=user, consultation=consultation
    )
