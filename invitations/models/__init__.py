from ..choices import AccessNeed, DeliveryStatus, HoldReason, InvitationStatus, SendKind
from .attendee import Attendee
from .held import HeldAttendee
from .invitation import Invitation
from .sending import InvitationDelivery, InvitationSend

__all__ = [
    "AccessNeed",
    "Attendee",
    "DeliveryStatus",
    "HeldAttendee",
    "HoldReason",
    "Invitation",
    "InvitationDelivery",
    "InvitationSend",
    "InvitationStatus",
    "SendKind",
]
