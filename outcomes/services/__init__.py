from .follow import follower_confirm, follower_request, follower_unsubscribe
from .privacy import followers_erase, followers_prune
from .remind import takeaway_reminders_send

__all__ = [
    "follower_confirm",
    "follower_request",
    "follower_unsubscribe",
    "followers_erase",
    "followers_prune",
    "takeaway_reminders_send",
]
