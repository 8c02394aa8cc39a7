from .follow_up import FollowUp
from .page import MinutesPage
from .takeaway import Takeaway

__all__ = ["FollowUp", "MinutesPage", "Takeaway"]
